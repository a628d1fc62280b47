/** Demo data for 示范市科学技术局: one document in legality review (after a public comment), one fresh market draft. */
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import { newId } from '../../core/clock.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { seedHeldConsultation } from '../consultation/index.ts';
import { normativeDocuments } from './schema.ts';
import { submitMatter } from '../reviews/index.ts';

const BODY = [
  '第一条 为规范科技企业孵化器的认定和管理，促进科技型创业企业发展，根据有关法律法规和政策规定，结合本市实际，制定本办法。',
  '第二条 本办法所称科技企业孵化器，是指以促进科技成果转化、培育科技企业和企业家精神为宗旨，提供物理空间、共享设施和专业化服务的科技创业服务机构。',
  '第三条 市科学技术局负责全市孵化器的认定、管理和绩效评价工作。',
  '第四条 申请认定市级孵化器，应当具备独立法人资格，孵化场地面积不低于3000平方米。',
  '第五条 本办法自发布之日起施行，有效期五年。',
].join('\n');

export async function seedDemoDocuments(
  ctx: Ctx,
  staff: Actor,
  orgId: string,
  departmentId: string,
): Promise<void> {
  const cal = ctx.calendar.current();
  const ago = (n: number) => cal.addWorkdays(ctx.clock.today(), -n);
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    const title = '示范市科技企业孵化器认定和管理办法';
    const c = await openCase(
      ctx,
      staff,
      {
        procedure: 'normativeDocument',
        title,
        orgId,
        first: {
          action: 'draft',
          on: ago(25),
          data: { title, concernsMarket: false, assessment: '经调研论证，确有必要制定。' },
        },
      },
      tx,
    );
    const id = newId();
    await tx.insert(normativeDocuments).values({
      id,
      lineageId: id,
      caseId: c.id,
      departmentId,
      draftingOrgId: orgId,
      title,
      docType: 'measures',
      concernsMarket: false,
      touchesPublicInterest: true,
      draftingExplanation: '经调研论证，确有必要制定。',
      legalBases: '《中华人民共和国科学技术进步法》',
      bodyText: BODY,
      topic: 'science',
      keywords: '孵化器 认定',
      createdBy: staff.userId,
      createdAt: now,
      updatedAt: now,
    });
    const comments = [
      {
        articleNo: 4,
        body: '建议将孵化场地面积要求降低至2000平方米，以便县区孵化器申报。',
        disposition: 'partlyAdopted',
        reason: '对县区孵化器适当放宽至2500平方米。',
      },
      { articleNo: 3, body: '建议明确绩效评价的周期。', disposition: 'adopted', reason: null },
      {
        articleNo: null,
        body: '建议增加对孵化器的财政支持条款。',
        disposition: 'notAdopted',
        reason: '财政支持另行制定专项政策，不宜在本办法中规定。',
      },
    ];
    await seedHeldConsultation(tx, {
      subjectType: 'normativeDocument',
      subjectId: id,
      caseId: c.id,
      departmentId,
      title,
      draftText: BODY,
      explanation: '经调研论证，确有必要制定。',
      startOn: ago(24),
      endOn: ago(14),
      closedOn: ago(13),
      reportPublishedOn: ago(12),
      createdAt: now,
      comments: comments.map((x, i) => ({
        articleNo: x.articleNo,
        body: x.body,
        authorName: i === 0 ? '某孵化器运营公司' : null,
        submittedAt: now,
        disposition: x.disposition,
        reason: x.reason,
        disposedBy: staff.userId,
        disposedAt: now,
      })),
    });
    const steps = [
      {
        action: 'openComment',
        on: ago(24),
        data: { startOn: ago(24), endOn: ago(14), channel: '市科技局门户网站意见征集栏目' },
      },
      { action: 'closeComment', on: ago(13), data: { commentCount: comments.length } },
      {
        action: 'submitLegalReview',
        on: ago(3),
        data: { materials: '送审稿、起草说明、征求意见及采纳情况、制定依据' },
      },
    ];
    for (const step of steps) await recordAction(ctx, staff, c.id, step, tx);
    await submitMatter(ctx, tx, staff, {
      type: 'normativeDocument',
      title,
      summary: '送审稿、起草说明、征求意见及采纳情况、制定依据',
      departmentId,
      caseId: c.id,
    });
    const title2 = '示范市科技型中小企业研发费用补助实施细则';
    const c2 = await openCase(
      ctx,
      staff,
      {
        procedure: 'normativeDocument',
        title: title2,
        orgId,
        first: { action: 'draft', on: ago(1), data: { title: title2, concernsMarket: true } },
      },
      tx,
    );
    const id2 = newId();
    await tx.insert(normativeDocuments).values({
      id: id2,
      lineageId: id2,
      caseId: c2.id,
      departmentId,
      draftingOrgId: orgId,
      title: title2,
      docType: 'implementation',
      concernsMarket: true,
      touchesPublicInterest: true,
      bodyText: '第一条 为鼓励科技型中小企业加大研发投入，制定本细则。',
      topic: 'science',
      createdBy: staff.userId,
      createdAt: now,
      updatedAt: now,
    });
  });
}
