/**
 * Demo tickets, dated on the calendar from today: a handful always (a replied, rated portal message;
 * an open ticket waiting for 签收); with `history`, a year of tickets across types and channels, each
 * handled as the office would: 签收 and 交办 the day it arrives, answered the next working day, 回访 the
 * day after (a year of tickets never touched is not what a bureau's record looks like).
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { importTickets, platformActor, portalActor, receiveTicket } from './intake.ts';
import { actOnTicket } from './service.ts';
import { recordRating } from './ratings.ts';
import { hotlineTickets } from './schema.ts';
import type { Kind } from './labels.ts';

/** What people ask a 科技局 through 12345, with the answer the drafting 科室 gave. */
const HISTORY: Array<{ kind: Kind; content: string; reply: string }> = [
  {
    kind: 'consult',
    content: '咨询科技型中小企业评价入库的条件和办理流程。',
    reply:
      '您好，科技型中小企业评价实行企业自主评价、网上填报，具体条件和流程见本局网站“办事指南”栏目。',
  },
  {
    kind: 'help',
    content: '企业申报市级科技计划项目时系统提示上传失败，请求协助。',
    reply: '经核实为附件超过大小限制，已电话指导企业压缩后重新上传，申报已完成。',
  },
  {
    kind: 'suggest',
    content: '建议科技创新券兑付增加线上办理渠道，减少企业往返。',
    reply: '感谢您的建议，创新券线上兑付功能已纳入今年政务服务系统升级计划。',
  },
  {
    kind: 'consult',
    content: '咨询高新技术企业认定奖补资金的申领时间。',
    reply: '您好，奖补资金在认定结果公布后统一拨付，申领通知将在本局网站发布。',
  },
  {
    kind: 'complain',
    content: '反映某孵化器收取的服务费用与合同约定不符。',
    reply: '经调查，孵化器已按合同约定退还多收费用，并承诺规范收费公示。',
  },
  {
    kind: 'help',
    content: '科研人员咨询职务科技成果转化收益分配的办理部门。',
    reply: '您好，已告知按《示范市促进科技成果转化若干规定》向所在单位申请，并提供了政策文件链接。',
  },
  {
    kind: 'consult',
    content: '咨询科技特派员的选派条件和报名方式。',
    reply: '您好，科技特派员选派通知每年上半年发布，报名条件和方式以通知为准。',
  },
  {
    kind: 'report',
    content: '举报某企业在科技项目申报中提供虚假材料。',
    reply: '经核查，已对该企业申报材料进行复核并依规处理，处理结果已书面告知举报人。',
  },
];

const at = (day: string) => `${day}T09:00:00+08:00`;

export async function seedDemoHotline(
  ctx: Ctx,
  staff: Actor,
  opts: { history: boolean; departmentId: string; orgId: string },
): Promise<void> {
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  // Working days before today, so every act falls on a working day in the past, whatever today is.
  const wd = (n: number) =>
    cal.addWorkdays(cal.isWorkday(today) ? today : cal.addWorkdays(today, -1), -n);
  const office: Actor = { ...staff, orgId: opts.departmentId, orgName: '示范市科学技术局' };
  const portal = portalActor(opts.departmentId);
  const m = await receiveTicket(
    ctx,
    portal,
    {
      channel: 'portal',
      receivedAt: at(wd(6)),
      kind: 'consult',
      title: '高新技术企业认定申报时间咨询',
      content: '请问今年高新技术企业认定什么时候开始申报？需要准备哪些材料？',
      citizen: { name: '林先生', phone: '13800001234' },
      publishConsent: true,
    },
    'portal',
  );
  await actOnTicket(ctx, office, m.id, { action: 'sign', on: wd(6) });
  await actOnTicket(ctx, office, m.id, {
    action: 'assign',
    on: wd(6),
    orgId: opts.orgId,
    coOrgIds: [],
  });
  await actOnTicket(ctx, office, m.id, {
    action: 'reply',
    on: wd(5),
    text: '您好，本年度高新技术企业认定申报工作预计于5月启动，具体时间和材料清单以届时发布的通知为准，请关注本局网站。',
  });
  await actOnTicket(ctx, office, m.id, { action: 'visit', on: wd(4), satisfaction: 'satisfied' });
  await recordRating(ctx, { caseId: m.caseId, score: '5', comment: '答复及时' });
  // Received on the last working day: its 签收 (1 working day) is still ahead, whatever day today is.
  await importTickets(
    ctx,
    platformActor(opts.departmentId),
    [
      {
        ticketNo: `GD12345${today.replaceAll('-', '')}001`,
        channel: 'phone',
        receivedAt: at(wd(0)),
        kind: 'help',
        content: '反映科技型中小企业评价系统无法登录，请协助处理。',
        citizen: { name: '王女士', phone: '13900005678' },
      },
    ],
    'platform',
  );
  if (!opts.history) return;
  const platform = platformActor(opts.departmentId);
  const reply = (day: string) => cal.addWorkdays(day, 1);
  for (let i = 39; i >= 0; i--) {
    const day = wd(10 + i * 6);
    const h = HISTORY[i % HISTORY.length];
    const ticketNo = `GD12345D${day.replaceAll('-', '')}${String(i).padStart(3, '0')}`;
    await importTickets(
      ctx,
      platform,
      [
        {
          ticketNo,
          channel: i % 3 ? 'phone' : 'web',
          receivedAt: at(day),
          kind: h.kind,
          content: h.content,
          citizen: {
            name: `${'张王李赵刘陈杨黄'[i % 8]}${i % 2 ? '女士' : '先生'}`,
            phone: `1370000${String(1000 + i)}`,
          },
        },
      ],
      'platform',
    );
    const [ticket] = await ctx.db
      .select({ id: hotlineTickets.id })
      .from(hotlineTickets)
      .where(eq(hotlineTickets.ticketNo, ticketNo));
    await actOnTicket(ctx, office, ticket.id, { action: 'sign', on: day });
    await actOnTicket(ctx, office, ticket.id, {
      action: 'assign',
      on: day,
      orgId: opts.orgId,
      coOrgIds: [],
    });
    await actOnTicket(ctx, office, ticket.id, { action: 'reply', on: reply(day), text: h.reply });
    await actOnTicket(ctx, office, ticket.id, {
      action: 'visit',
      on: reply(reply(day)),
      satisfaction: i % 7 === 3 ? 'basic' : 'satisfied',
    });
  }
}
