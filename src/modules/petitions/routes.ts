import type { FastifyInstance } from 'fastify';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { AppError } from '../../core/errors.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { users } from '../../core/auth/schema.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { registerPetition, registerSchema } from './intake.ts';
import {
  actOnPetition,
  actSchema,
  listPetitions,
  loadPetition,
  petitionForActor,
  petitionView,
} from './service.ts';
import { PETITION_FACT_FILTERS, petitionFacts, petitionIdsFor } from './facts.ts';
import { opinionDocx } from './letter.ts';
import { petitionPolicy } from './policy.ts';
import { petitions } from './schema.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  fact: z.enum(PETITION_FACT_FILTERS).optional().describe('统计口径'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});

/** The department's divisions and people, for naming 检举控告 handlers and the accused division. */
async function staffOptions(ctx: Ctx, actor: Actor) {
  const orgs = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      or(eq(organisations.id, actor.departmentId), eq(organisations.parentId, actor.departmentId)),
    );
  const people = await ctx.db
    .select({ id: users.id, name: users.displayName, orgId: users.orgId })
    .from(users)
    .where(
      and(
        eq(users.departmentId, actor.departmentId),
        eq(users.active, true),
        sql`${users.roles} && array['staff','leader']::text[]`,
      ),
    );
  return { orgs, people };
}

export function petitionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role, and the matter's scope (404), are checked before the body is validated.
  const registers = guard((a) => petitionPolicy.authorize(a, 'petition', 'register'));
  const readsMatter = guard(async (a, req) => {
    await loadPetition(ctx.db, a, paramsOf(req, idParam).id);
  });
  api.get(
    '/api/petitions',
    { schema: { summary: '信访事项列表', querystring: listQuery } },
    async (req) => {
      const actor = requireActor(req);
      const q = parse(listQuery, req.query);
      if (!q.fact) return listPetitions(ctx, actor, q);
      if (!q.year)
        throw new AppError('VALIDATION', '年度：按统计口径查询时应指定年度', {
          fields: [{ path: 'year', message: '应指定年度' }],
        });
      petitionPolicy.authorize(actor, 'petition', 'list');
      const ids = await petitionIdsFor(ctx.db, actor.departmentId, q.year, q.fact);
      const rows = ids.length
        ? await ctx.db.select().from(petitions).where(inArray(petitions.id, ids))
        : [];
      const visible = rows.filter((r) =>
        petitionPolicy.can(actor, 'petition', 'read', {
          departmentId: r.departmentId,
          orgId: r.orgId,
          category: r.category,
          handlerIds: r.handlerIds,
          accusedOrgId: r.accusedOrgId,
        }),
      );
      return { total: ids.length, items: visible.map((r) => petitionForActor(actor, r)) };
    },
  );
  api.get(
    '/api/petitions/facts',
    {
      schema: {
        summary: '年度报告的信访数据',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
        }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      petitionPolicy.authorize(actor, 'petition', 'list');
      const { year } = parse(
        z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }),
        req.query,
      );
      return { facts: await petitionFacts(ctx, actor.departmentId, year) };
    },
  );
  api.get(
    '/api/petitions/options',
    { schema: { summary: '本部门科室和人员（指定承办人）' } },
    async (req) => {
      const actor = requireActor(req);
      petitionPolicy.authorize(actor, 'petition', 'list');
      return staffOptions(ctx, actor);
    },
  );
  api.post(
    '/api/petitions',
    { schema: { summary: '登记信访事项', body: registerSchema }, preValidation: registers },
    async (req) => {
      const actor = requireActor(req);
      const r = await registerPetition(ctx, actor, req.body as never);
      return petitionView(ctx, actor, r.id);
    },
  );
  api.get(
    '/api/petitions/:id',
    { schema: { summary: '信访事项（期限、可办理的操作）', params: idParam } },
    async (req) => petitionView(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  api.post(
    '/api/petitions/:id/act',
    {
      schema: { summary: '办理信访事项', params: idParam, body: actSchema },
      preValidation: readsMatter,
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      await actOnPetition(ctx, actor, id, req.body as never);
      return petitionView(ctx, actor, id).catch((err) => {
        // A handler who named others for a 检举控告 no longer reads it.
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          return { petition: null, state: null };
        throw err;
      });
    },
  );
  api.get(
    '/api/petitions/:id/opinion.docx',
    { schema: { summary: '信访处理意见书（.docx）', params: idParam } },
    async (req, reply) => {
      const actor = requireActor(req);
      const p = await loadPetition(ctx.db, actor, parse(idParam, req.params).id);
      if (!p.answeredOn) throw new AppError('ACTION_NOT_ALLOWED', '该信访事项尚未出具处理意见书');
      const [dept] = await ctx.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, p.departmentId));
      const buffer = await opinionDocx(p, dept?.name ?? '');
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachmentHeader(`信访处理意见书-${p.number}.docx`))
        .send(buffer);
    },
  );
}
