/**
 * 学法 sessions and 述法 entries (RULES §10.1): the records part (三) of the annual report, the
 * 第一责任人 duties, is written from. Kept here until a 学法普法 module owns them; they reach the
 * report like every module's facts, through a provider (src/server/modules.ts).
 */
import { and, asc, between, eq, sql } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from '../../core/auth/policy.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { getSetting } from '../../core/settings/service.ts';
import type { Fact } from '../../core/facts.ts';
import { legalDutyStatements, studySessions } from './schema.ts';
import { reportTemplateSetting } from './template.ts';

export const STUDY_KINDS = { centralGroup: '党组理论学习中心组学法', preMeeting: '会前学法', lecture: '法治讲座', training: '法治培训' } as const;
export const STATEMENT_FORMS = { yearEnd: '年终述职述法', special: '专题述法', written: '书面述法' } as const;
export const STATEMENT_RANKS = { head: '主要负责人', member: '领导班子成员' } as const;
export type StudyKind = keyof typeof STUDY_KINDS;

export interface StudyInput { heldOn: string; kind: StudyKind; topic: string; speaker: string; durationMinutes: number; attendees: number; ledByHead: boolean }
export interface StatementInput { year: number; personName: string; position: string; rank: keyof typeof STATEMENT_RANKS; statedOn: string; form: keyof typeof STATEMENT_FORMS; summary: string }

const yearOf = (year: number) => between(studySessions.heldOn, `${year}-01-01`, `${year}-12-31`);

export async function listStudy(ctx: Ctx, actor: Actor, year: number) {
  authorize(actor, 'studyRecord', 'read');
  const [sessions, statements] = await Promise.all([
    ctx.db.select().from(studySessions).where(and(eq(studySessions.departmentId, actor.departmentId), yearOf(year))).orderBy(asc(studySessions.heldOn)),
    ctx.db.select().from(legalDutyStatements).where(and(eq(legalDutyStatements.departmentId, actor.departmentId), eq(legalDutyStatements.year, year))).orderBy(asc(legalDutyStatements.statedOn)),
  ]);
  return { sessions, statements };
}

export async function addStudySession(ctx: Ctx, actor: Actor, input: StudyInput): Promise<string> {
  authorize(actor, 'studyRecord', 'edit');
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(studySessions).values({ id, departmentId: actor.departmentId, ...input, createdAt: ctx.clock.now(), createdBy: actor.userId });
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'reports.study.add', entityType: 'studySession', entityId: id, payload: { ...input } }, ctx.clock.now());
    return id;
  });
}

export async function addStatement(ctx: Ctx, actor: Actor, input: StatementInput): Promise<string> {
  authorize(actor, 'studyRecord', 'edit');
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(legalDutyStatements).values({ id, departmentId: actor.departmentId, ...input, createdAt: ctx.clock.now(), createdBy: actor.userId });
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'reports.statement.add', entityType: 'legalDutyStatement', entityId: id, payload: { ...input, summary: undefined } }, ctx.clock.now());
    return id;
  });
}

/** Removes a record entered by mistake (the audit keeps what it was). */
export async function removeStudyRecord(ctx: Ctx, actor: Actor, kind: 'session' | 'statement', id: string): Promise<void> {
  authorize(actor, 'studyRecord', 'edit');
  const table = kind === 'session' ? studySessions : legalDutyStatements;
  await inTx(ctx, async (tx) => {
    const [row] = await tx.delete(table).where(and(eq(table.id, id), eq(table.departmentId, actor.departmentId))).returning();
    if (!row) throw notFound(kind === 'session' ? '学法记录' : '述法记录');
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: `reports.${kind}.remove`, entityType: kind === 'session' ? 'studySession' : 'legalDutyStatement', entityId: id, payload: row as unknown as Record<string, unknown> }, ctx.clock.now());
  });
}

export interface StudyCounts { sessions: number; minutes: number; led: number; preMeeting: number; statements: number; heads: number }

function statementSentence(year: number, c: StudyCounts): string {
  if (!c.statements) return `${year}年未记录领导干部述法。`;
  if (c.heads === c.statements) return c.heads === 1 ? '主要负责人进行了年度述法。' : `${c.heads}名主要负责人进行了年度述法。`;
  return c.heads ? `${c.statements}名领导干部进行了年度述法，其中主要负责人${c.heads}名。` : `${c.statements}名领导班子成员进行了年度述法。`;
}

/**
 * Facts for part (三) from the counts (pure): sessions (with the local minimum as the expectation),
 * hours, 述法. No study or no 述法 is one plain sentence (also named in part (二)); other zeros say nothing.
 */
export function studyFactsFrom(year: number, c: StudyCounts, studyPerYear: number): Fact[] {
  const hours = Math.round(c.minutes / 6) / 10;
  const list = (tab: string) => ({ path: '/api/reports/study', query: { year, tab } });
  return [
    {
      key: 'study.sessions',
      label: '组织学法',
      value: c.sessions,
      unit: '次',
      sentence: c.sessions ? `${year}年组织领导干部学法${c.sessions}次，累计${hours}小时${c.preMeeting ? `，其中会前学法${c.preMeeting}次` : ''}。` : `${year}年未记录领导干部学法活动。`,
      method: '本年度记录的党组理论学习中心组学法、会前学法、法治讲座和培训的次数及时长。',
      records: list('sessions'),
      expect: { min: studyPerYear, shortfall: `领导干部学法未达到每年${studyPerYear}次的要求`, suggestion: '年初制定学法计划，每季度至少安排一次会前学法' },
    },
    {
      key: 'study.ledByHead',
      label: '主要负责人主持或讲授学法',
      value: c.led,
      unit: '次',
      sentence: c.led ? `主要负责人主持或讲授法治专题学习${c.led}次。` : '',
      method: '本年度学法记录中由主要负责人主持或讲授的次数。',
      records: list('sessions'),
    },
    {
      key: 'study.dutyStatements',
      label: '年度述法',
      value: c.statements,
      unit: '人次',
      sentence: statementSentence(year, c),
      method: '本年度记录的主要负责人和领导班子成员述法人次。',
      records: list('statements'),
      expect: { min: 1, shortfall: '领导干部未进行年度述法', suggestion: '将履行推进法治建设第一责任人职责情况列入年终述职内容' },
    },
  ];
}

export async function studyFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [s] = await ctx.db
    .select({
      sessions: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${studySessions.durationMinutes}), 0)::int`,
      led: sql<number>`count(*) filter (where ${studySessions.ledByHead})::int`,
      preMeeting: sql<number>`count(*) filter (where ${studySessions.kind} = 'preMeeting')::int`,
    })
    .from(studySessions)
    .where(and(eq(studySessions.departmentId, departmentId), yearOf(year)));
  const [d] = await ctx.db
    .select({ statements: sql<number>`count(*)::int`, heads: sql<number>`count(*) filter (where ${legalDutyStatements.rank} = 'head')::int` })
    .from(legalDutyStatements)
    .where(and(eq(legalDutyStatements.departmentId, departmentId), eq(legalDutyStatements.year, year)));
  const { studyPerYear } = await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime());
  return studyFactsFrom(year, { ...s, ...d }, studyPerYear);
}
