/**
 * Demo data for the 法治政府建设年度报告 (for `npm start`, with the years of demo history): last
 * year's 学法 sessions and 述法 entries, and last year's report drafted from the demo records, then
 * walked through the services on the days a bureau would act: 保密审查 (asked by the clerk, passed by the
 * legal officer in her own act) and 审定 in January, 报送 before
 * 3月1日, 公开 before 4月1日 (厅字〔2019〕28号 Art 24). Acts still ahead of today are left to do, so the
 * report is never shown as overdue while it is on time, nor as drafting once published.
 */
import { fixedClock } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import type { FactProvider } from '../../core/facts.ts';
import { addStatement, addStudySession, type StudyInput } from '../study/index.ts';
import { approveReport, publishReport, submitReport } from './signOff.ts';
import { generateReport } from './service.ts';
import { mustFindReport } from './store.ts';
import { accountActor, askSecrecyReview, decideSecrecyReview } from '../disclosure/index.ts';

/** The department's legal officer (the demo's 李静 of 政策法规科), as an actor of her own session. */
async function legalOfficer(ctx: Ctx, staff: Actor): Promise<Actor | null> {
  const [u] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.departmentId, staff.departmentId),
        eq(users.active, true),
        sql`'legalOfficer' = any(${users.roles})`,
      ),
    )
    .limit(1);
  return u ? accountActor(ctx.db, u.id) : null;
}

/**
 * The days of last year's report, a pure function of today (checked for every day of several years):
 * drafted in the first week of work of January (or today, in the first days of the year), each later
 * act on a working day, all before their deadlines.
 */
export function reportDemoDates(cal: Calendar, today: string) {
  const year = Number(today.slice(0, 4));
  const draftOn = cal.addWorkdays(`${year - 1}-12-31`, 5);
  // The 保密审查 asked after a week of drafting, passed two working days later (inside its period).
  const askOn = cal.addWorkdays(draftOn, 6);
  const reviewOn = cal.addWorkdays(askOn, 2);
  const approveOn = cal.addWorkdays(reviewOn, 3);
  const submitOn = cal.addWorkdays(approveOn, 2);
  const publishOn = cal.addWorkdays(submitOn, 10);
  return {
    reportYear: year - 1,
    draftOn: draftOn <= today ? draftOn : today,
    askOn,
    reviewOn,
    approveOn,
    submitOn,
    publishOn,
  };
}

export async function seedDemoReport(
  ctx: Ctx,
  staff: Actor,
  providers: FactProvider[],
): Promise<void> {
  const today = ctx.clock.today();
  const d = reportDemoDates(ctx.calendar.current(), today);
  const year = d.reportYear;
  const sessions: StudyInput[] = [
    {
      heldOn: `${year}-03-12`,
      kind: 'preMeeting',
      topic: '学习《中华人民共和国行政复议法》（2023年修订）',
      speaker: '政策法规科',
      durationMinutes: 40,
      attendees: 14,
      ledByHead: false,
    },
    {
      heldOn: `${year}-05-20`,
      kind: 'centralGroup',
      topic: '习近平法治思想专题学习',
      speaker: '局党组书记、局长',
      durationMinutes: 120,
      attendees: 12,
      ledByHead: true,
    },
    {
      heldOn: `${year}-09-08`,
      kind: 'lecture',
      topic: '《重大行政决策程序暂行条例》解读',
      speaker: '陈律师（法律顾问）',
      durationMinutes: 90,
      attendees: 46,
      ledByHead: false,
    },
  ];
  for (const s of sessions) await addStudySession(ctx, staff, s);
  await addStatement(ctx, staff, {
    year,
    personName: '李明',
    position: '局党组书记、局长',
    rank: 'head',
    statedOn: `${year}-12-26`,
    form: 'yearEnd',
    summary: '在年终述职中报告履行推进法治建设第一责任人职责情况。',
  });
  await addStatement(ctx, staff, {
    year,
    personName: '张建国',
    position: '副局长',
    rank: 'member',
    statedOn: `${year}-12-26`,
    form: 'yearEnd',
    summary: '报告分管领域依法行政情况。',
  });
  /** The same services, on the day the act happened. */
  const on = (day: string): Ctx => ({ ...ctx, clock: fixedClock(`${day}T02:00:00.000Z`) });
  await generateReport(on(d.draftOn), { providers }, staff, year);
  // 条例第十七条: the drafter names the legal office's officer (李静), who passes the review in her own act;
  // until she has, the step waits in her 我的待办.
  const reviewer = await legalOfficer(ctx, staff);
  if (!reviewer || d.askOn > today) return;
  const report = await mustFindReport(ctx.db, staff.departmentId, year);
  await askSecrecyReview(on(d.askOn), staff, report.caseId, { reviewerId: reviewer.userId });
  if (d.reviewOn > today) return;
  await decideSecrecyReview(on(d.reviewOn), reviewer, report.caseId, {
    approve: true,
    opinion: '经审查，报告不涉及国家秘密和工作秘密，可以公开。',
  });
  if (d.approveOn > today) return;
  const session = `${d.approveOn.slice(0, 4)}年第1次局长办公会议`;
  await approveReport(on(d.approveOn), { providers }, staff, year, {
    meetingKind: 'directorsOffice',
    meetingOn: d.approveOn,
    session,
    on: d.approveOn,
  });
  if (d.submitOn > today) return;
  await submitReport(on(d.submitOn), staff, year, {
    on: d.submitOn,
    recipients: [
      '中共示范市委',
      '示范市人民政府',
      '示范省科学技术厅',
      '中共示范市委全面依法治市委员会办公室',
    ],
  });
  if (d.publishOn > today) return;
  await publishReport(on(d.publishOn), staff, year, { on: d.publishOn });
}
