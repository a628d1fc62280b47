/** Demo 建议提案, dated back from today in calendar days: one replied and published, one in hand. */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { actOnProposal, assignProposal, publishReply } from './service.ts';

const back = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoProposals(ctx: Ctx, staff: Actor): Promise<void> {
  const today = ctx.clock.today();
  const year = today.slice(0, 4);
  const a = await assignProposal(ctx, staff, {
    kind: 'deputy',
    number: `${year}001`,
    title: '关于加大科技型中小企业扶持力度的建议',
    proposer: '陈代表',
    proposerContact: '13600000001',
    assignedBy: '市人大常委会代表工作室',
    assignedOn: back(today, 70),
    leadOrgId: staff.orgId,
    content: '建议加大对科技型中小企业的研发补助力度。',
  });
  await actOnProposal(ctx, staff, a.id, {
    action: 'contact',
    on: back(today, 60),
    method: 'faceToFace',
    note: '与陈代表当面沟通办理思路。',
  });
  const text =
    '陈代表：\n您提出的关于加大科技型中小企业扶持力度的建议收悉。我局高度重视，已将研发费用补助比例提高至百分之十，并简化申报流程。\n感谢您对科技工作的关心和支持。';
  await actOnProposal(ctx, staff, a.id, {
    action: 'reply',
    on: back(today, 50),
    resultCode: 'A',
    replyText: text,
  });
  await publishReply(ctx, staff, a.id, { text });
  await assignProposal(ctx, staff, {
    kind: 'cppcc',
    number: `${year}015`,
    title: '关于推进科技成果转化平台建设的提案',
    proposer: '周委员',
    assignedBy: '市政协提案委员会',
    assignedOn: back(today, 10),
    leadOrgId: staff.orgId,
  });
}
