/** 学法普法 staff API. The 学法/述法 endpoints keep their /api/reports/study paths (the report links there). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf } from '../../core/http/schema.ts';
import { authorizeStudy } from './policy.ts';
import {
  addStatement,
  addStudySession,
  listStudy,
  MAX_TOPICS,
  QUARTERS,
  removeStudyRecord,
  savePlan,
  savePlanTopics,
  STATEMENT_FORMS,
  STATEMENT_RANKS,
  STUDY_KINDS,
  TOPIC_FIELDS,
} from './sessions.ts';
import {
  addExam,
  addTraining,
  examsOf,
  removeTrainingOrExam,
  trainingHoursByPerson,
  trainingsOf,
} from './training.ts';
import {
  addDuty,
  addEvent,
  CAMPAIGNS,
  completeDuty,
  dutiesOf,
  eventsOf,
  loadDuty,
  removeEvent,
} from './pufa.ts';

const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const keys = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const yearField = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
const yearQuery = z.object({ year: yearField() });
const idParams = z.object({ id: z.uuid().describe('编号') });

const sessionBody = z.object({
  heldOn: isoDate('学法日期'),
  kind: z.enum(keys(STUDY_KINDS)).describe('学法形式'),
  topic: text('学习内容', 200, 2),
  speaker: text('主讲人', 60).default(''),
  durationMinutes: z.number().int().min(10).max(1440).describe('时长（分钟）'),
  attendees: z.number().int().min(1).max(10_000).describe('参加人数'),
  ledByHead: z.boolean().default(false).describe('主要负责人主持或讲授'),
});
const statementBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('述法年度'),
  personName: text('述法人', 40, 2),
  position: text('职务', 60, 2),
  rank: z.enum(keys(STATEMENT_RANKS)).describe('身份'),
  statedOn: isoDate('述法日期'),
  form: z.enum(keys(STATEMENT_FORMS)).describe('述法形式'),
  summary: text('述法要点', 5000).default(''),
});
const { quarter: quarterField, topic: topicField } = TOPIC_FIELDS;
const quarterNos = Object.keys(QUARTERS).map(Number);
const topicList = z
  .array(
    z.object({
      quarter: z
        .number()
        .int()
        .min(Math.min(...quarterNos))
        .max(Math.max(...quarterNos))
        .describe(quarterField.label),
      topic: text(topicField.label, topicField.max, topicField.min),
    }),
  )
  .max(MAX_TOPICS)
  .describe('学习安排');
const topicsBody = z.object({ year: yearField('计划年度'), topics: topicList });
const planBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('计划年度'),
  title: text('计划名称', 100, 4),
  issuedOn: isoDate('印发日期'),
  preMeetingTarget: z.number().int().min(0).max(52).describe('会前学法次数目标'),
  trainingHoursTarget: z.number().int().min(0).max(500).describe('年度培训学时目标'),
  topics: topicList.optional(),
});
const people = (label: string) =>
  z
    .array(text(label, 40, 2))
    .min(1)
    .max(2000)
    .describe(label);
const trainingBody = z.object({
  heldOn: isoDate('培训日期'),
  title: text('培训名称', 200, 2),
  organizer: text('主办单位', 100).default(''),
  hoursPerPerson: z.number().min(0.5).max(200).describe('人均学时'),
  participants: people('参训人员'),
});
const examBody = z.object({
  heldOn: isoDate('考试日期'),
  title: text('考试名称', 200, 2),
  maxScore: z.number().int().min(1).max(1000).describe('满分'),
  passScore: z.number().int().min(0).max(1000).describe('合格分数'),
  results: z
    .array(
      z.object({
        person: text('应考人员', 40, 2),
        score: z.number().min(0).nullable().describe('成绩'),
      }),
    )
    .min(1)
    .max(2000)
    .describe('考试成绩'),
});
const dutyBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('清单年度'),
  title: text('普法事项', 200, 2),
  content: text('工作内容', 2000).default(''),
  owner: text('责任科室', 60, 2),
  dueOn: isoDate('完成期限'),
  assignedOn: isoDate('下达日期').optional(),
});
const completeBody = z.object({
  completedOn: isoDate('完成日期'),
  evidence: text('完成佐证', 2000, 4),
});
const eventBody = z.object({
  heldOn: isoDate('活动日期'),
  campaign: z.enum(keys(CAMPAIGNS)).describe('活动类别'),
  title: text('活动名称', 200, 2),
  location: text('活动地点', 100).default(''),
  audience: z.number().int().min(0).max(10_000_000).describe('受众人数'),
});

async function overview(ctx: Ctx, actor: Actor, year: number) {
  const base = await listStudy(ctx, actor, year);
  const d = actor.departmentId;
  const [trainings, exams, duties, events, hours] = await Promise.all([
    trainingsOf(ctx.db, d, year),
    examsOf(ctx.db, d, year),
    dutiesOf(ctx.db, d, year, ctx.clock.today()),
    eventsOf(ctx.db, d, year),
    trainingHoursByPerson(ctx.db, d, year),
  ]);
  return {
    ...base,
    trainings,
    exams,
    duties,
    events,
    hours,
    kinds: STUDY_KINDS,
    forms: STATEMENT_FORMS,
    ranks: STATEMENT_RANKS,
    campaigns: CAMPAIGNS,
    topicFields: Object.values(TOPIC_FIELDS),
    maxTopics: MAX_TOPICS,
  };
}

export function studyRoutes(app: FastifyInstance, ctx: Ctx): void {
  // Issue 12 item 7: who may keep the records is checked before the body is validated (403 before 400);
  // a duty of another department answers 404 before its body is looked at. The services authorize again.
  const keeps = { preValidation: guard((a) => authorizeStudy(a, 'study', 'edit')) };
  const keepsDuty = {
    preValidation: guard(async (a, req) => {
      authorizeStudy(a, 'study', 'edit');
      await loadDuty(ctx.db, a, paramsOf(req, idParams).id);
    }),
  };
  const year = (q: unknown) => parse(yearQuery, q).year;
  const list = <T>(path: string, load: (departmentId: string, y: number) => Promise<T[]>) =>
    app.get(path, async (req) => {
      const actor = requireActor(req);
      authorizeStudy(actor, 'study', 'read');
      return { items: await load(actor.departmentId, year(req.query)) };
    });

  app.get('/api/study', async (req) => overview(ctx, requireActor(req), year(req.query)));
  app.get('/api/reports/study', async (req) => {
    const q = parse(
      yearQuery.extend({
        kind: z.enum(keys(STUDY_KINDS)).optional().describe('学法形式'),
        ledByHead: z.enum(['true']).optional().describe('主要负责人主持或讲授'),
      }),
      req.query,
    );
    const r = await listStudy(ctx, requireActor(req), q.year);
    // The same conditions the facts count with (study/facts.ts): a figure lists exactly its records.
    const sessions = r.sessions.filter(
      (x) => (!q.kind || x.kind === q.kind) && (!q.ledByHead || x.ledByHead),
    );
    return { ...r, sessions, kinds: STUDY_KINDS, forms: STATEMENT_FORMS, ranks: STATEMENT_RANKS };
  });
  app.post('/api/reports/study/sessions', keeps, async (req) => ({
    id: await addStudySession(ctx, requireActor(req), parse(sessionBody, req.body)),
  }));
  app.post('/api/reports/study/statements', keeps, async (req) => ({
    id: await addStatement(ctx, requireActor(req), parse(statementBody, req.body)),
  }));
  app.delete('/api/reports/study/:kind/:id', async (req, reply) => {
    const p = parse(
      z.object({
        kind: z.enum(['session', 'statement']).describe('类别'),
        id: z.uuid().describe('编号'),
      }),
      req.params,
    );
    await removeStudyRecord(ctx, requireActor(req), p.kind, p.id);
    return reply.status(204).send();
  });
  app.put('/api/study/plan', keeps, async (req) => ({
    id: await savePlan(ctx, requireActor(req), parse(planBody, req.body)),
  }));
  // Described for the API document (openapi.test.ts); the schema validates after the guard.
  app.put(
    '/api/study/plan/topics',
    { ...keeps, schema: { summary: '保存学法计划的季度学习安排', body: topicsBody } },
    async (req) => {
      const body = req.body as z.output<typeof topicsBody>;
      await savePlanTopics(ctx, requireActor(req), body.year, body.topics);
      return { ok: true };
    },
  );

  list('/api/study/trainings', (d, y) => trainingsOf(ctx.db, d, y));
  app.get('/api/study/hours', async (req) => {
    const actor = requireActor(req);
    authorizeStudy(actor, 'study', 'read');
    const q = parse(
      yearQuery.extend({
        below: z.coerce.number().min(0).max(500).optional().describe('学时标准'),
      }),
      req.query,
    );
    const items = await trainingHoursByPerson(ctx.db, actor.departmentId, q.year);
    return { items: q.below === undefined ? items : items.filter((h) => h.hours < q.below!) };
  });
  list('/api/study/exams', (d, y) => examsOf(ctx.db, d, y));
  app.get('/api/study/duties', async (req) => {
    const actor = requireActor(req);
    authorizeStudy(actor, 'study', 'read');
    const q = parse(
      yearQuery.extend({ late: z.enum(['true', 'false']).optional().describe('逾期') }),
      req.query,
    );
    const items = await dutiesOf(ctx.db, actor.departmentId, q.year, ctx.clock.today());
    return {
      items: q.late === 'true' ? items.filter((d) => d.overdue || d.onTime === false) : items,
    };
  });
  list('/api/study/events', (d, y) => eventsOf(ctx.db, d, y));
  app.post('/api/study/trainings', keeps, async (req) => ({
    id: await addTraining(ctx, requireActor(req), parse(trainingBody, req.body)),
  }));
  app.post('/api/study/exams', keeps, async (req) => ({
    id: await addExam(ctx, requireActor(req), parse(examBody, req.body)),
  }));
  app.post('/api/study/duties', keeps, async (req) => ({
    id: await addDuty(ctx, requireActor(req), parse(dutyBody, req.body)),
  }));
  app.post('/api/study/duties/:id/complete', keepsDuty, async (req) => {
    await completeDuty(
      ctx,
      requireActor(req),
      parse(idParams, req.params).id,
      parse(completeBody, req.body),
    );
    return { ok: true };
  });
  app.post('/api/study/events', keeps, async (req) => ({
    id: await addEvent(ctx, requireActor(req), parse(eventBody, req.body)),
  }));
  for (const kind of ['training', 'exam'] as const) {
    app.delete(`/api/study/${kind}s/:id`, async (req, reply) => {
      await removeTrainingOrExam(ctx, requireActor(req), kind, parse(idParams, req.params).id);
      return reply.status(204).send();
    });
  }
  app.delete('/api/study/events/:id', async (req, reply) => {
    await removeEvent(ctx, requireActor(req), parse(idParams, req.params).id);
    return reply.status(204).send();
  });
}
