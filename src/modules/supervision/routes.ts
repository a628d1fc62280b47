import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import {
  actOnTask,
  actSchema,
  assignSchema,
  assignTask,
  importSchema,
  importWorkPlan,
  listTasks,
  loadTask,
} from './service.ts';
import { TASK_ACTS, taskView } from './view.ts';
import { actsReply } from '../../core/cases/acts.ts';
import { supervisionFacts } from './facts.ts';
import { supervisionPolicy } from './policy.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  fact: z.enum(['due', 'closedOnTime']).optional().describe('统计口径'),
  status: z.enum(['open', 'closed']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});

// The task page (documentation: the reply is serialised as view.ts returns it, nothing is stripped).
const taskReply = z
  .looseObject({
    task: z
      .looseObject({
        id: z.uuid().describe('编号'),
        title: z.string().describe('督办事项'),
        status: z.string().describe('状态'),
        dueOn: z.string().describe('办结期限'),
      })
      .describe('督办事项'),
    ...actsReply(TASK_ACTS),
    today: z.string().describe('今天'),
  })
  .describe('督办事项（期限、进展、可办理的操作）');
const taskResponse = { 200: taskReply };

export function supervisionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role (403) and the task's department (404) are checked before the body is
  // validated; 'assign' is the handler role without a record. The service checks the record's rule again.
  const assigns = guard((a) => supervisionPolicy.authorize(a, 'supervisedTask', 'assign'));
  const handlesTask = guard(async (a, req) => {
    supervisionPolicy.authorize(a, 'supervisedTask', 'assign');
    await loadTask(ctx.db, a, paramsOf(req, idParam).id);
  });
  api.get(
    '/api/supervision',
    { schema: { summary: '督办事项列表', querystring: listQuery } },
    async (req) => listTasks(ctx, requireActor(req), parse(listQuery, req.query)),
  );
  api.get(
    '/api/supervision/facts',
    {
      schema: {
        summary: '年度报告的督办数据',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
        }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      supervisionPolicy.authorize(actor, 'supervisedTask', 'list');
      const { year } = parse(
        z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }),
        req.query,
      );
      return { facts: await supervisionFacts(ctx, actor.departmentId, year) };
    },
  );
  api.post(
    '/api/supervision',
    {
      schema: { summary: '交办督办事项', body: assignSchema, response: taskResponse },
      preValidation: assigns,
    },
    async (req) => {
      const actor = requireActor(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { id } = await assignTask(ctx, actor, { ...body, sourceRef: undefined } as never);
      return taskView(ctx, actor, id);
    },
  );
  api.post(
    '/api/supervision/import-plan',
    {
      schema: {
        summary: '年度报告第四部分的工作要点转为督办事项',
        body: importSchema,
      },
      preValidation: assigns,
    },
    async (req) => importWorkPlan(ctx, requireActor(req), req.body as never),
  );
  api.get(
    '/api/supervision/:id',
    {
      schema: {
        summary: '督办事项（期限、进展、可办理的操作）',
        params: idParam,
        response: taskResponse,
      },
    },
    async (req) => taskView(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  api.post(
    '/api/supervision/:id/act',
    {
      schema: { summary: '办理督办事项', params: idParam, body: actSchema, response: taskResponse },
      preValidation: handlesTask,
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      await actOnTask(ctx, actor, id, req.body as never);
      return taskView(ctx, actor, id);
    },
  );
}
