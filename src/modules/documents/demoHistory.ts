/**
 * Demo history of 示范市科学技术局's 规范性文件, written through the module's own services with the
 * clock set to the day each act happened (years back), so that the portal registry and the staff
 * lists show what years of use would have produced: a document with public comments, their
 * dispositions and the published feedback; documents filed with and accepted by 市司法局; a 清理
 * campaign that abolished one; an 暂行 document that expired by itself; one whose validity ends
 * within six months (a 后评估 reminder).
 */
import { and, eq, sql } from 'drizzle-orm';
import { fixedClock } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { mattersOfSubject } from '../reviews/index.ts';
import { assignReviewers } from '../reviews/index.ts';
import { normativeDocuments } from './schema.ts';
import { submitComment } from '../consultation/index.ts';
import { askSecrecyReview, decideSecrecyReview } from '../disclosure/index.ts';
import { createDraft, type DraftInput } from './service.ts';
import { act, assignNumber, publishDocument } from './workflow.ts';
import { closeComment, dispose, openComment, publishFeedback } from './commenting.ts';
import { reviewFiling, submitFiling } from './filing.ts';
import { campaignList, decide, openCampaign, publishCampaign } from './cleanup.ts';
import { documentExpiryTask, documentReminderTask } from './validity.ts';
import { documentView } from './view.ts';
import { historyPlan, type DocumentDates } from './demoPlan.ts';

/** The first active user with a role in a department (the demo has one per role). */
async function userWith(ctx: Ctx, departmentId: string, role: Role): Promise<Actor> {
  const [u] = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      orgName: organisations.name,
      departmentId: users.departmentId,
      roles: users.roles,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        eq(users.active, true),
        sql`${role} = any(${users.roles})`,
        sql`(${users.departmentId} = ${departmentId} or ${role} = 'oversight')`,
      ),
    )
    .limit(1);
  if (!u) throw new Error(`demo: no ${role} user`);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: u.orgName,
    departmentId: u.departmentId,
    roles: u.roles as Role[],
    mustChangePassword: false,
  };
}

const clause = (n: string, text: string) => `第${n}条 ${text}`;
const body = (subject: string, scope: string) =>
  [
    clause(
      '一',
      `为规范${subject}工作，促进科技创新和成果转化，根据《中华人民共和国科学技术进步法》等法律法规，结合本市实际，制定本办法。`,
    ),
    clause('二', `本办法适用于本市行政区域内${scope}。`),
    clause(
      '三',
      `市科学技术局负责${subject}的统筹协调和监督管理；各县区科技主管部门负责本辖区内的组织实施。`,
    ),
    clause('四', '申请单位应当具备独立法人资格，近三年内无严重失信行为，财务管理制度健全。'),
    clause('五', '专项资金实行预算管理，专款专用，任何单位和个人不得截留、挪用或者虚报冒领。'),
    clause(
      '六',
      '弄虚作假骗取资金的，依法追回已拨付资金，并按照有关规定纳入科研诚信严重失信行为记录。',
    ),
    clause('七', '本办法由市科学技术局负责解释，自发布之日起施行。'),
  ].join('\n');

interface Plan {
  input: DraftInput;
  comments?: Array<{
    articleNo: number | null;
    body: string;
    authorName?: string;
    contact?: string;
    disposition: 'adopted' | 'partlyAdopted' | 'notAdopted';
    reason?: string;
  }>;
  interpretation: string;
}

export async function seedDemoDocumentHistory(ctx: Ctx, staff: Actor): Promise<void> {
  const today = ctx.clock.today();
  const dept = staff.departmentId;
  const [legal, leader, oversight] = [
    await userWith(ctx, dept, 'legalOfficer'),
    await userWith(ctx, dept, 'leader'),
    await userWith(ctx, dept, 'oversight'),
  ];
  const cal = ctx.calendar.current();
  /** The same services, on the day the act happened. */
  const on = (day: string): Ctx => ({ ...ctx, clock: fixedClock(`${day}T02:00:00.000Z`) });
  const base = {
    trial: 'none' as const,
    touchesPublicInterest: true,
    legalBases:
      '《中华人民共和国科学技术进步法》《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》',
    topic: 'science',
  };

  async function walk(p: Plan, d: DocumentDates): Promise<string> {
    const draft = await createDraft(on(d.start), staff, p.input);
    const id = draft.id;
    const consultation = await openComment(on(d.start), staff, id, {
      startOn: d.start,
      endOn: d.end,
      channel: '市科技局门户网站意见征集栏目',
    });
    for (const [i, c] of (p.comments ?? []).entries())
      await submitComment(on(d.commentOn[i]), consultation.id, c);
    await closeComment(on(d.closedOn), staff, id);
    const comments = (await documentView(on(d.closedOn), staff, id)).consultation!.comments;
    for (const [i, c] of (p.comments ?? []).entries())
      await dispose(on(d.closedOn), staff, id, comments[i].id, {
        disposition: c.disposition,
        reason: c.reason,
      });
    await publishFeedback(on(d.feedbackOn), staff, id);
    if (d.fairReviewOn)
      await act(on(d.fairReviewOn), staff, id, 'fairCompetitionReview', d.fairReviewOn, {
        conclusion: 'pass',
        opinion: '经审查，未含有排除、限制竞争的内容，符合公平竞争审查标准。',
      });
    await act(on(d.submitReviewOn), staff, id, 'submitLegalReview', d.submitReviewOn, {
      materials: '送审稿、起草说明、征求意见及采纳情况、制定依据',
    });
    // The legal office assigns its reviewer the day the matter arrives (a concluded review names who reviewed it).
    const [{ caseId }] = await ctx.db
      .select({ caseId: normativeDocuments.caseId })
      .from(normativeDocuments)
      .where(eq(normativeDocuments.id, id));
    const [matter] = (await mattersOfSubject(ctx.db, caseId)).filter(
      (m) => m.status === 'submitted',
    );
    await assignReviewers(on(d.submitReviewOn), legal, matter.id, { userIds: [legal.userId] });
    await act(on(d.concludeReviewOn), legal, id, 'concludeLegalReview', d.concludeReviewOn, {
      conclusion: 'lawful',
      opinion: '经审核，该文件制定主体适格，内容不违反上位法规定，程序符合要求，合法。',
    });
    const day = d.decideOn;
    await act(on(day), leader, id, 'collectiveDecision', day, {
      meeting: 'directorsOffice',
      meetingName: `${day.slice(0, 4)}年第${Number(day.slice(5, 7))}次局长办公会`,
      meetingOn: day,
      attendees: '局长、副局长、各科室负责人',
      minutes: '会议审议通过该文件，同意按程序印发。',
      decision: 'adopted',
    });
    await assignNumber(on(d.publishOn), staff, id, {});
    // 保密审查 (条例第十七条): the legal office's account reviews the final text, in its own name.
    await askSecrecyReview(on(d.publishOn), staff, caseId, { reviewerId: legal.userId });
    await decideSecrecyReview(on(d.publishOn), legal, caseId, {
      approve: true,
      opinion: '经审查，不涉及国家秘密，可以公开。',
    });
    await publishDocument(on(d.publishOn), staff, id, {
      interpretation: p.interpretation,
      topic: 'science',
      keywords: p.input.keywords,
    });
    const filing = await submitFiling(on(d.filedOn), staff, id, {
      filingNo: `示司备〔${d.filedOn.slice(0, 4)}〕${Number(d.filedOn.slice(5, 7)) + 10}号`,
    });
    await reviewFiling(on(d.filingReviewedOn), oversight, filing.id, {
      decision: 'accept',
      opinion: '经审查，准予备案。',
    });
    return id;
  }
  const dates = historyPlan(cal, today);

  // Walked oldest first, so that each year's 文号 follow the publication dates.
  // Published five years less four months ago: its validity ends within six months (后评估 reminder).
  const plan = await walk(
    {
      input: {
        ...base,
        title: '示范市科技计划项目管理办法',
        docType: 'measures',
        concernsMarket: false,
        draftingExplanation: '规范市级科技计划项目的立项、实施和验收管理。',
        bodyText: body('市级科技计划项目管理', '市级财政资金支持的科技计划项目的立项、实施和验收'),
        keywords: '科技计划 项目管理',
      },
      comments: [{ articleNo: 3, body: '建议明确项目验收的期限。', disposition: 'adopted' }],
      interpretation:
        '一、制定目的：规范市级科技计划项目管理，提高财政资金使用效益。二、主要内容：立项、实施、验收和监督的程序和要求。三、施行时间：自发布之日起施行，有效期五年。',
    },
    dates.plan,
  );
  const sme = await walk(
    {
      input: {
        ...base,
        title: '示范市科技型中小企业评价办法',
        docType: 'measures',
        concernsMarket: false,
        draftingExplanation: '规范科技型中小企业评价工作。',
        bodyText: body('科技型中小企业评价', '科技型中小企业的评价、入库和动态管理'),
        keywords: '科技型中小企业 评价',
      },
      interpretation:
        '一、制定目的：规范科技型中小企业评价和入库管理。二、主要内容：评价条件、程序和动态管理。三、施行时间：自发布之日起施行，有效期五年。',
    },
    dates.sme,
  );
  // 暂行 (two years at most): expired by itself eight months ago.
  await walk(
    {
      input: {
        ...base,
        trial: 'interim',
        title: '示范市新型研发机构认定管理暂行办法',
        docType: 'measures',
        concernsMarket: false,
        draftingExplanation: '引导和支持新型研发机构发展，先行试点两年。',
        bodyText: body('新型研发机构认定和管理', '新型研发机构的认定、绩效评价和支持'),
        keywords: '新型研发机构 认定',
      },
      interpretation:
        '一、制定背景：引导社会力量举办新型研发机构。二、主要内容：认定条件、程序、绩效评价和支持措施。三、有效期：本办法为暂行办法，有效期两年。',
    },
    dates.interim,
  );
  const voucher = await walk(
    {
      input: {
        ...base,
        title: '示范市科技创新券管理办法',
        docType: 'measures',
        concernsMarket: true,
        draftingExplanation: '为降低中小企业创新成本，推动科技资源开放共享，起草本办法。',
        bodyText: body('科技创新券发放和兑付', '科技型中小企业使用创新券购买科技服务的活动'),
        keywords: '创新券 科技服务',
      },
      comments: [
        {
          articleNo: 4,
          body: '建议将“近三年内无严重失信行为”调整为“近两年”，与省级创新券政策保持一致。',
          authorName: '某科技服务公司',
          contact: '0558-5100000',
          disposition: 'notAdopted',
          reason: '按照本市科研诚信管理规定，失信记录查询期限为三年。',
        },
        {
          articleNo: 2,
          body: '建议将个体工商户纳入适用范围。',
          disposition: 'partlyAdopted',
          reason: '科技型个体工商户可参照执行，已在解读中说明。',
        },
        {
          articleNo: null,
          body: '建议公布创新券服务机构名录，方便企业选择。',
          disposition: 'adopted',
        },
      ],
      interpretation:
        '一、制定背景：为降低中小企业创新成本，推动科技资源开放共享。二、主要内容：创新券的申领、使用、兑付和监督管理。三、适用范围：科技型中小企业，科技型个体工商户可参照执行。四、施行时间：自发布之日起施行，有效期五年。',
    },
    dates.voucher,
  );

  // 清理 a year ago after the 科学技术进步法 was revised: the 评价办法 is abolished, the others stay.
  const opened = dates.campaign.openedOn;
  const campaign = await openCampaign(on(opened), legal, {
    title: `${opened.slice(0, 4)}年规范性文件专项清理`,
    basis: '《中华人民共和国科学技术进步法》修订',
  });
  const decisions: Array<[string, 'keep' | 'amend' | 'abolish', string?]> = [
    [voucher, 'keep'],
    [plan, 'amend', '项目验收条款需与省级管理办法衔接'],
    [sme, 'abolish', '国家已出台科技型中小企业评价办法，本办法不再适用'],
  ];
  for (const [id, decision, note] of decisions)
    await decide(on(dates.campaign.decidedOn), legal, campaign.id, id, { decision, note });
  // Any other document in force at the time (the 暂行办法) is kept.
  for (const i of (await campaignList(ctx.db, campaign.id))!.items.filter((x) => !x.decision))
    await decide(on(dates.campaign.decidedOn), legal, campaign.id, i.documentId, {
      decision: 'keep',
    });
  await publishCampaign(on(dates.campaign.publishedOn), legal, campaign.id);

  // What the sweep does each minute: expiry on the date, and the reminder six months before it.
  await inTx(ctx, (tx) => documentExpiryTask(tx, ctx));
  await inTx(ctx, (tx) => documentReminderTask(tx, ctx));
}
