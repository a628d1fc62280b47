/** 学法普法 staff API. The 学法/述法 endpoints keep their /api/reports/study paths (the report links there). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { isoDate } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { labelsReply, noContent, okReply } from '../../core/http/replies.ts';
import { authorizeStudy } from './policy.ts';
import { STUDY_FORMS } from './forms.ts';
import { fieldView } from '../../core/http/forms.ts';
import {
  completeBody,
  deleted,
  dutiesQuery,
  dutyBody,
  dutyRow,
  eventBody,
  eventRow,
  examBody,
  examRow,
  hoursQuery,
  hoursRow,
  idParams,
  idReply,
  items,
  overviewReply,
  planBody,
  recordParams,
  reportQuery,
  reportReply,
  sessionBody,
  statementBody,
  topicsBody,
  trainingBody,
  trainingRow,
  yearQuery,
} from './apiSchemas.ts';

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
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: who may read or keep the records is checked before the query or body is
  // validated (403 before 400); a duty of another department answers 404 before its body is looked
  // at. The services authorize again.
  const reads = guard((a) => authorizeStudy(a, 'study', 'read'));
  const keeps = guard((a) => authorizeStudy(a, 'study', 'edit'));
  const keepsDuty = guard(async (a, req) => {
    authorizeStudy(a, 'study', 'edit');
    await loadDuty(ctx.db, a, paramsOf(req, idParams).id);
  });
  const list = <T extends z.ZodType>(
    path: string,
    summary: string,
    item: T,
    load: (departmentId: string, y: number) => Promise<z.input<T>[]>,
  ) =>
    api.get(
      path,
      {
        schema: { summary, querystring: yearQuery, response: { 200: items(item) } },
        preValidation: reads,
      },
      async (req) => ({ items: await load(requireActor(req).departmentId, req.query.year) }),
    );
  const add = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    save: (actor: Actor, input: z.output<B>) => Promise<string>,
  ) =>
    api.post(
      path,
      { schema: { summary, body, response: { 200: idReply } }, preValidation: keeps },
      async (req) => ({ id: await save(requireActor(req), req.body as z.output<B>) }),
    );

  api.get(
    '/api/study',
    {
      schema: {
        summary: '学法普法年度概览（学法、述法、计划、培训、考试、普法责任清单、普法活动）',
        querystring: yearQuery,
        response: { 200: overviewReply },
      },
    },
    async (req) => overview(ctx, requireActor(req), req.query.year),
  );
  api.get(
    '/api/reports/study',
    {
      schema: {
        summary: '领导干部学法和述法记录',
        querystring: reportQuery,
        response: { 200: reportReply },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await listStudy(ctx, requireActor(req), q.year);
      // The same conditions the facts count with (study/facts.ts): a figure lists exactly its records.
      const sessions = r.sessions.filter(
        (x) => (!q.kind || x.kind === q.kind) && (!q.ledByHead || x.ledByHead),
      );
      return {
        ...r,
        sessions,
        kinds: STUDY_KINDS,
        forms: STATEMENT_FORMS,
        ranks: STATEMENT_RANKS,
        // The page's forms, declared once (forms.ts).
        recordForms: {
          session: STUDY_FORMS.session.map((f) => fieldView(f)),
          statement: STUDY_FORMS.statement.map((f) => fieldView(f)),
        },
      };
    },
  );
  add('/api/reports/study/sessions', '登记学法记录', sessionBody, (a, b) =>
    addStudySession(ctx, a, b),
  );
  add('/api/reports/study/statements', '登记述法记录', statementBody, (a, b) =>
    addStatement(ctx, a, b),
  );
  api.delete(
    '/api/reports/study/:kind/:id',
    { schema: { summary: '删除学法或述法记录', params: recordParams, response: deleted } },
    async (req, reply) => {
      await removeStudyRecord(ctx, requireActor(req), req.params.kind, req.params.id);
      return reply.status(204).send();
    },
  );
  api.put(
    '/api/study/plan',
    {
      schema: { summary: '保存年度学法计划', body: planBody, response: { 200: idReply } },
      preValidation: keeps,
    },
    async (req) => ({ id: await savePlan(ctx, requireActor(req), req.body) }),
  );
  api.put(
    '/api/study/plan/topics',
    {
      schema: {
        summary: '保存学法计划的季度学习安排',
        body: topicsBody,
        response: { 200: okReply },
      },
      preValidation: keeps,
    },
    async (req) => {
      await savePlanTopics(ctx, requireActor(req), req.body.year, req.body.topics);
      return { ok: true };
    },
  );

  list('/api/study/trainings', '年度法治培训记录', trainingRow, (d, y) =>
    trainingsOf(ctx.db, d, y),
  );
  api.get(
    '/api/study/hours',
    {
      schema: {
        summary: '年度人均培训学时（可只列低于学时标准的人员）',
        querystring: hoursQuery,
        response: { 200: items(hoursRow) },
      },
      preValidation: reads,
    },
    async (req) => {
      const q = req.query;
      const items = await trainingHoursByPerson(ctx.db, requireActor(req).departmentId, q.year);
      return { items: q.below === undefined ? items : items.filter((h) => h.hours < q.below!) };
    },
  );
  list('/api/study/exams', '年度法律知识考试记录', examRow, (d, y) => examsOf(ctx.db, d, y));
  api.get(
    '/api/study/duties',
    {
      schema: {
        summary: '年度普法责任清单（可只列逾期事项）',
        querystring: dutiesQuery,
        response: { 200: items(dutyRow) },
      },
      preValidation: reads,
    },
    async (req) => {
      const q = req.query;
      const items = await dutiesOf(
        ctx.db,
        requireActor(req).departmentId,
        q.year,
        ctx.clock.today(),
      );
      return {
        items: q.late === 'true' ? items.filter((d) => d.overdue || d.onTime === false) : items,
      };
    },
  );
  list('/api/study/events', '年度普法活动', eventRow, (d, y) => eventsOf(ctx.db, d, y));
  add('/api/study/trainings', '登记法治培训', trainingBody, (a, b) => addTraining(ctx, a, b));
  add('/api/study/exams', '登记法律知识考试', examBody, (a, b) => addExam(ctx, a, b));
  add('/api/study/duties', '新增普法责任清单事项', dutyBody, (a, b) => addDuty(ctx, a, b));
  api.post(
    '/api/study/duties/:id/complete',
    {
      schema: {
        summary: '普法责任清单事项办结',
        params: idParams,
        body: completeBody,
        response: { 200: okReply },
      },
      preValidation: keepsDuty,
    },
    async (req) => {
      await completeDuty(ctx, requireActor(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  add('/api/study/events', '登记普法活动', eventBody, (a, b) => addEvent(ctx, a, b));
  for (const [kind, label] of [
    ['training', '培训'],
    ['exam', '考试'],
  ] as const) {
    api.delete(
      `/api/study/${kind}s/:id`,
      { schema: { summary: `删除${label}记录`, params: idParams, response: deleted } },
      async (req, reply) => {
        await removeTrainingOrExam(ctx, requireActor(req), kind, req.params.id);
        return reply.status(204).send();
      },
    );
  }
  api.delete(
    '/api/study/events/:id',
    { schema: { summary: '删除普法活动', params: idParams, response: deleted } },
    async (req, reply) => {
      await removeEvent(ctx, requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
