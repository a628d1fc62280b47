/**
 * Demo tickets, dated on the calendar from today: a handful always (a replied, rated portal message;
 * an open ticket waiting for 签收); with `history`, a year of tickets across types and channels.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { importTickets, platformActor, receiveTicket } from './intake.ts';
import { actOnTicket } from './service.ts';
import { recordRating } from './ratings.ts';
import { KINDS } from './labels.ts';

const at = (day: string) => `${day}T09:00:00+08:00`;

export async function seedDemoHotline(ctx: Ctx, staff: Actor, opts: { history: boolean; departmentId: string; orgId: string }): Promise<void> {
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  // Working days before today, so every act falls on a working day in the past, whatever today is.
  const wd = (n: number) => cal.addWorkdays(cal.isWorkday(today) ? today : cal.addWorkdays(today, -1), -n);
  const office: Actor = { ...staff, orgId: opts.departmentId, orgName: '示范市科学技术局' };
  const portal = systemActor({ departmentId: opts.departmentId, roles: ['staff'], username: 'portal', displayName: '网民留言' });
  const m = await receiveTicket(ctx, portal, { channel: 'portal', receivedAt: at(wd(6)), kind: 'consult', title: '高新技术企业认定申报时间咨询', content: '请问今年高新技术企业认定什么时候开始申报？需要准备哪些材料？', citizen: { name: '林先生', phone: '13800001234' }, publishConsent: true }, 'portal');
  await actOnTicket(ctx, office, m.id, { action: 'sign', on: wd(6) });
  await actOnTicket(ctx, office, m.id, { action: 'assign', on: wd(6), orgId: opts.orgId, coOrgIds: [] });
  await actOnTicket(ctx, office, m.id, { action: 'reply', on: wd(5), text: '您好，本年度高新技术企业认定申报工作预计于5月启动，具体时间和材料清单以届时发布的通知为准，请关注本局网站。' });
  await actOnTicket(ctx, office, m.id, { action: 'visit', on: wd(4), satisfaction: 'satisfied' });
  await recordRating(ctx, { caseId: m.caseId, score: '5', comment: '答复及时' });
  await importTickets(ctx, platformActor(opts.departmentId), [{ ticketNo: `GD12345${today.replaceAll('-', '')}001`, channel: 'phone', receivedAt: at(wd(1)), kind: 'help', content: '反映科技型中小企业评价系统无法登录，请协助处理。', citizen: { name: '王女士', phone: '13900005678' } }], 'platform');
  if (!opts.history) return;
  const records = [];
  for (let i = 0; i < 40; i++) {
    const day = wd(10 + i * 6);
    records.push({ ticketNo: `GD12345D${day.replaceAll('-', '')}${String(i).padStart(3, '0')}`, channel: i % 3 ? 'phone' : 'web', receivedAt: at(day), kind: KINDS[i % KINDS.length].value, content: `关于科技项目申报与资金拨付的诉求（示例${i + 1}）`, citizen: { name: '市民', phone: `1370000${String(1000 + i)}` } });
  }
  await importTickets(ctx, platformActor(opts.departmentId), records, 'platform');
}
