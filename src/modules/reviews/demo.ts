/**
 * Demo data for 合法性审查: two advisors (a 法律顾问 with an account, a 公职律师 on paper) and three
 * matters of a 科室 at different stages — through the module's own services, so the data is what
 * users would have produced.
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import { createAdvisor } from './advisors.ts';
import { submitMatter } from './service.ts';
import { concludeMatter } from './closing.ts';
import { assignReviewers, giveOpinion, markAdoption } from './opinions.ts';
import { matterView } from './view.ts';

async function actorOf(ctx: Ctx, username: string): Promise<Actor | null> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  return u
    ? {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        orgId: u.orgId,
        orgName: '',
        departmentId: u.departmentId,
        roles: u.roles as Role[],
        mustChangePassword: false,
      }
    : null;
}

export async function seedDemoReviews(ctx: Ctx, staff: Actor): Promise<void> {
  const legal = await actorOf(ctx, 'legal');
  const advisorUser = await actorOf(ctx, 'advisor');
  if (!legal || !advisorUser) return;
  const year = ctx.clock.today().slice(0, 4);
  const term = { termStart: `${year}-01-01`, termEnd: `${year}-12-31` };
  const chen = await createAdvisor(ctx, legal, {
    kind: 'external',
    name: '陈律师',
    affiliation: '安徽示范律师事务所',
    licenceNumber: '13416201510123456',
    ...term,
    userId: advisorUser.userId,
    phone: '0558-5200000',
  });
  const zhou = await createAdvisor(ctx, legal, {
    kind: 'governmentLawyer',
    name: '周文',
    affiliation: '示范市司法局 公职律师',
    licenceNumber: '23416201910654321',
    termStart: `${Number(year) - 1}-01-01`,
    termEnd: `${Number(year) + 1}-12-31`,
  });
  const submit = (type: 'contract' | 'disclosureReply' | 'other', title: string, summary: string) =>
    inTx(ctx, (tx) =>
      submitMatter(ctx, tx, staff, { type, title, summary, departmentId: staff.departmentId }),
    );

  const contract = await submit(
    'contract',
    '与示范大学共建新型研发机构合作协议',
    '合作期限五年，市科技局出资2000万元，请重点审查知识产权归属和违约责任条款。',
  );
  await assignReviewers(ctx, legal, contract.id, {
    userIds: [legal.userId],
    advisorIds: [chen.id],
  });
  await giveOpinion(ctx, advisorUser, contract.id, {
    body: '第五条知识产权归属约定不明，建议依照《中华人民共和国科学技术进步法》第三十二条明确财政资金形成的成果归属及转化收益分配。',
  });
  await giveOpinion(ctx, advisorUser, contract.id, {
    body: '第九条违约责任仅约定甲方责任，权利义务不对等，建议补充乙方未按期完成建设任务的违约责任。',
  });
  await giveOpinion(ctx, legal, contract.id, {
    body: '协议应当明确资金拨付以年度绩效评价结果为前提。',
  });
  await concludeMatter(ctx, legal, contract.id, {
    conclusion: 'lawfulAfterRevision',
    opinion: '按第1至3条意见修改后，协议内容合法。',
  });
  const { opinions } = await matterView(ctx, staff, contract.id);
  await markAdoption(ctx, staff, contract.id, opinions[0].id, { adoption: 'adopted' });
  await markAdoption(ctx, staff, contract.id, opinions[1].id, {
    adoption: 'partlyAdopted',
    reason: '乙方违约责任按建设任务分阶段约定',
  });

  const reply = await submit(
    'disclosureReply',
    '关于申请公开科技计划项目评审专家名单的答复',
    '申请人要求公开2024年度科技计划项目评审专家名单，拟部分公开。',
  );
  await assignReviewers(ctx, legal, reply.id, { advisorIds: [zhou.id] });
  const [paper] = (await matterView(ctx, legal, reply.id)).reviewers;
  await giveOpinion(ctx, legal, reply.id, {
    body: '专家个人信息属于条例第十五条规定的个人隐私，公开前应当征求第三方意见。',
    assignmentId: paper.assignmentId,
  });

  await submit(
    'other',
    '科技成果转化奖励纠纷的法律意见',
    '某研发团队就成果转化奖励提出异议，请提出处理意见。',
  );
}
