/**
 * 法治培训 (hours per person, counted toward each person's annual hours: 执法人员 ≥ 40 hours a year,
 * RULES §10.1 [V-loc]) and 法律知识考试 (参考率 and 合格率 computed from the results, never typed).
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { pct } from '../../core/facts.ts';
import { authorizeStudy } from './policy.ts';
import { studyExams, studyTrainings } from './schema.ts';
import { yearRange } from './sessions.ts';

export interface TrainingInput {
  heldOn: string;
  title: string;
  organizer: string;
  hoursPerPerson: number;
  participants: string[];
}
export interface ExamInput {
  heldOn: string;
  title: string;
  maxScore: number;
  passScore: number;
  results: Array<{ person: string; score: number | null }>;
}

/** 参考率 (took / expected) and 合格率 (passed / took), in per cent with one decimal. */
export function examRates(e: Pick<ExamInput, 'passScore' | 'results'>) {
  const expected = e.results.length;
  const took = e.results.filter((r) => r.score !== null).length;
  const passed = e.results.filter((r) => r.score !== null && r.score >= e.passScore).length;
  return {
    expected,
    took,
    passed,
    participationRate: pct(took, expected),
    passRate: pct(passed, took),
  };
}

const dupes = (names: string[]) => [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];

export async function addTraining(ctx: Ctx, actor: Actor, input: TrainingInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  const d = dupes(input.participants);
  if (d.length) throw new AppError('VALIDATION', `参训人员重复：${d.join('、')}`);
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(studyTrainings).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'study.training.add',
        entityType: 'studyTraining',
        entityId: id,
        payload: { ...input },
      },
      ctx.clock.now(),
    );
    return id;
  });
}

export async function addExam(ctx: Ctx, actor: Actor, input: ExamInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  if (input.passScore > input.maxScore)
    throw new AppError(
      'VALIDATION',
      `合格分数（${input.passScore}）不能高于满分（${input.maxScore}）`,
    );
  const over = input.results.filter((r) => r.score !== null && r.score > input.maxScore);
  if (over.length)
    throw new AppError(
      'VALIDATION',
      `考试成绩超过满分${input.maxScore}分：${over.map((r) => `${r.person}（${r.score}分）`).join('、')}`,
    );
  const d = dupes(input.results.map((r) => r.person));
  if (d.length) throw new AppError('VALIDATION', `应考人员重复：${d.join('、')}`);
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(studyExams).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'study.exam.add',
        entityType: 'studyExam',
        entityId: id,
        payload: { title: input.title, heldOn: input.heldOn, ...examRates(input) },
      },
      ctx.clock.now(),
    );
    return id;
  });
}

export async function removeTrainingOrExam(
  ctx: Ctx,
  actor: Actor,
  kind: 'training' | 'exam',
  id: string,
): Promise<void> {
  authorizeStudy(actor, 'study', 'edit');
  const table = kind === 'training' ? studyTrainings : studyExams;
  await inTx(ctx, async (tx) => {
    const [row] = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.departmentId, actor.departmentId)))
      .returning();
    if (!row) throw notFound(kind === 'training' ? '培训记录' : '考试记录');
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: `study.${kind}.remove`,
        entityType: kind === 'training' ? 'studyTraining' : 'studyExam',
        entityId: id,
        payload: row as unknown as Record<string, unknown>,
      },
      ctx.clock.now(),
    );
  });
}

export async function trainingsOf(db: DbOrTx, departmentId: string, year: number) {
  return db
    .select()
    .from(studyTrainings)
    .where(
      and(
        eq(studyTrainings.departmentId, departmentId),
        between(studyTrainings.heldOn, ...yearRange(year)),
      ),
    )
    .orderBy(asc(studyTrainings.heldOn));
}

export async function examsOf(db: DbOrTx, departmentId: string, year: number) {
  const rows = await db
    .select()
    .from(studyExams)
    .where(
      and(
        eq(studyExams.departmentId, departmentId),
        between(studyExams.heldOn, ...yearRange(year)),
      ),
    )
    .orderBy(asc(studyExams.heldOn));
  return rows.map((e) => ({ ...e, ...examRates(e) }));
}

/**
 * Training hours per person in a year, from the training records (for the officers' annual hours in
 * the enforcement module): name → hours and the trainings counted, largest first.
 */
export async function trainingHoursByPerson(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<Array<{ person: string; hours: number; trainings: number }>> {
  const by = new Map<string, { hours: number; trainings: number }>();
  for (const t of await trainingsOf(db, departmentId, year)) {
    for (const p of t.participants) {
      const v = by.get(p) ?? { hours: 0, trainings: 0 };
      v.hours += t.hoursPerPerson;
      v.trainings += 1;
      by.set(p, v);
    }
  }
  return [...by]
    .map(([person, v]) => ({
      person,
      hours: Math.round(v.hours * 10) / 10,
      trainings: v.trainings,
    }))
    .sort((a, b) => b.hours - a.hours || a.person.localeCompare(b.person, 'zh'));
}
