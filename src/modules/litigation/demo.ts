/**
 * Demo 行政复议 / 行政应诉 cases, only for `npm start` (history): a 复议 and a suit against one of the
 * department's 政府信息公开 answers, registered and handled through the services by the legal office.
 * Dates are derived from today on the calendar (every act in the past, in order), so the demo is valid
 * on any day. Tests keep the small demo: no cases, so table 四 and the facts start at zero.
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import { actOnCase, registerCase } from './service.ts';
import { firstRequestId } from '../disclosure/index.ts';

/** The acts of the demo, as day offsets from the copy's receipt (pure, tested for every day). */
export function demoDates(
  today: string,
  addDays: (d: string, n: number) => string,
  addWorkdays: (d: string, n: number) => string,
) {
  const recon = addDays(today, -150);
  const suit = addDays(today, -120);
  return {
    // 受理 between the application and the copy; the 简易程序 decision within 30 日 of it (行政复议法 Art 62 ¶2).
    recon: {
      received: recon,
      filed: addDays(recon, -9),
      accepted: addDays(recon, -5),
      evidence: addDays(recon, -40),
      answer: addWorkdays(recon, 4),
      hearing: addWorkdays(recon, 8),
      decide: addDays(recon, 22),
    },
    suit: {
      received: suit,
      filed: addDays(suit, -6),
      answer: addDays(suit, 10),
      hearing: addDays(suit, 40),
      judgment: addDays(suit, 70),
      final: addDays(suit, 90),
    },
  };
}

export async function seedDemoLitigation(ctx: Ctx, opts: { history: boolean }): Promise<void> {
  if (!opts.history) return;
  const [u] = await ctx.db.select().from(users).where(eq(users.username, 'legal'));
  if (!u) return;
  const legal: Actor = {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: '',
    departmentId: u.departmentId,
    roles: u.roles as Role[],
    mustChangePassword: false,
  };
  const requestId = await firstRequestId(ctx.db, legal.departmentId);
  const cal = ctx.calendar.current();
  const d = demoDates(
    ctx.clock.today(),
    (x, n) => cal.addDays(x, n),
    (x, n) => cal.addWorkdays(x, n),
  );
  const act = requestId
    ? { actModule: 'disclosureRequest' as const, actRecordId: requestId }
    : { actTitle: '政府信息公开申请答复' };
  const year = d.recon.received.slice(0, 4);
  const r = await registerCase(ctx, legal, 'reconsideration', {
    caseNo: `示政复〔${year}〕12号`,
    applicant: '李某',
    body: '示范市人民政府',
    procedureType: 'simple',
    filedOn: d.recon.filed,
    acceptedOn: d.recon.accepted,
    receivedOn: d.recon.received,
    ...act,
  });
  await actOnCase(ctx, legal, r.id, {
    action: 'answer',
    on: d.recon.answer,
    data: { summary: '本机关已在法定期限内依法作出答复，答复内容和程序合法。' },
    evidence: [{ title: '政府信息公开申请登记表', gatheredOn: d.recon.evidence }],
  });
  await actOnCase(ctx, legal, r.id, {
    action: 'decide',
    on: d.recon.decide,
    data: { decision: 'maintain' },
  });
  const s = await registerCase(ctx, legal, 'lawsuit', {
    caseNo: `（${d.suit.received.slice(0, 4)}）皖1602行初88号`,
    applicant: '赵某',
    body: '示范市人民法院',
    filedOn: d.suit.filed,
    receivedOn: d.suit.received,
    ...act,
  });
  await actOnCase(ctx, legal, s.id, {
    action: 'defend',
    on: d.suit.answer,
    data: { summary: '被诉答复认定事实清楚，适用法律正确，程序合法，请求驳回原告诉讼请求。' },
  });
  await actOnCase(ctx, legal, s.id, {
    action: 'hearing',
    on: d.suit.hearing,
    data: { instance: 'first', headAppeared: true },
  });
  await actOnCase(ctx, legal, s.id, {
    action: 'judgment',
    on: d.suit.judgment,
    data: { result: 'rejectClaims' },
  });
  await actOnCase(ctx, legal, s.id, { action: 'noAppeal', on: d.suit.final });
}
