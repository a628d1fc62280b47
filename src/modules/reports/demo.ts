/**
 * Demo data for the 法治政府建设年度报告 (for `npm start`, with the years of demo history): last
 * year's 学法 sessions and 述法 entries, and last year's report drafted from the demo records,
 * through the services a user would call.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { FactProvider } from '../../core/facts.ts';
import { addStatement, addStudySession, type StudyInput } from '../study/index.ts';
import { generateReport } from './service.ts';

export async function seedDemoReport(ctx: Ctx, staff: Actor, providers: FactProvider[]): Promise<void> {
  const year = Number(ctx.clock.today().slice(0, 4)) - 1;
  const sessions: StudyInput[] = [
    { heldOn: `${year}-03-12`, kind: 'preMeeting', topic: '学习《中华人民共和国行政复议法》（2023年修订）', speaker: '政策法规科', durationMinutes: 40, attendees: 14, ledByHead: false },
    { heldOn: `${year}-05-20`, kind: 'centralGroup', topic: '习近平法治思想专题学习', speaker: '局党组书记、局长', durationMinutes: 120, attendees: 12, ledByHead: true },
    { heldOn: `${year}-09-08`, kind: 'lecture', topic: '《重大行政决策程序暂行条例》解读', speaker: '陈律师（法律顾问）', durationMinutes: 90, attendees: 46, ledByHead: false },
  ];
  for (const s of sessions) await addStudySession(ctx, staff, s);
  await addStatement(ctx, staff, { year, personName: '李明', position: '局党组书记、局长', rank: 'head', statedOn: `${year}-12-26`, form: 'yearEnd', summary: '在年终述职中报告履行推进法治建设第一责任人职责情况。' });
  await addStatement(ctx, staff, { year, personName: '张建国', position: '副局长', rank: 'member', statedOn: `${year}-12-26`, form: 'yearEnd', summary: '报告分管领域依法行政情况。' });
  await generateReport(ctx, { providers }, staff, year);
}
