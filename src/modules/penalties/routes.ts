/** The staff API of 行政处罚 (thin: validate → authorize in the service → one service call → the fresh view). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { listEligibleOfficers } from '../enforcement/index.ts';
import { authorize } from './policy.ts';
import { openFromInspection, openPenalty } from './opening.ts';
import { listPenalties, readSettings, updateSettings } from './service.ts';
import { decideOnSpot } from './actsSummary.ts';
import { archiveView } from './records.ts';
import { caseDocument, DOCUMENT_KINDS, type DocumentKind } from './documents.ts';
import { feedCsv, feedRecords } from './feed.ts';
import { penaltyFacts } from './facts.ts';
import { penaltySummary, penaltyView } from './view.ts';
import { penaltySettings } from './labels.ts';
import type { ModuleDeps } from '../../core/module.ts';
import { publishStatistics, statisticsView } from './statistics.ts';
import { fromInspection, idParam, listQuery, openBody, summaryBody, year } from './routeSchemas.ts';
import { penaltyActRoutes } from './routesActs.ts';

export function penaltyRoutes(app: FastifyInstance, ctx: Ctx, deps: ModuleDeps): void {
  const api = app.withTypeProvider<ZodProvider>();
  const yearQuery = z.object({ year });
  api.get(
    '/api/penalties',
    { schema: { summary: '行政处罚案件列表', querystring: listQuery } },
    async (req) => {
      const { total, rows } = await listPenalties(ctx, requireActor(req), req.query);
      return { total, items: rows.map((r) => penaltySummary(r.p, r.status)) };
    },
  );
  api.get(
    '/api/penalties/facts',
    {
      schema: { summary: '年度报告的行政处罚数据', querystring: yearQuery },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'list')),
    },
    async (req) => ({
      facts: await penaltyFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  api.get(
    '/api/penalties/settings',
    { schema: { summary: '行政处罚设置（听证标准、陈述申辩期限、复议机关、裁量基准）' } },
    async (req) => readSettings(ctx, requireActor(req)),
  );
  api.put(
    '/api/penalties/settings',
    {
      schema: { summary: '修改行政处罚设置', body: penaltySettings.schema },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'configure')),
    },
    async (req) => updateSettings(ctx, requireActor(req), req.body),
  );
  api.get(
    '/api/penalties/officers',
    {
      schema: { summary: '可指派的执法人员（执法证有效、在岗）' },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'open')),
    },
    async (req) => ({
      items: await listEligibleOfficers(ctx.db, requireActor(req).departmentId, ctx.clock.today()),
    }),
  );
  // 年度行政执法统计 (statistics.ts): the figures of a year, then 公开 (frozen, on the portal /zftj).
  const statYear = z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('统计年度'),
  });
  // By year, or by the record id the case's 我的待办 link carries.
  const statRef = z.object({
    year: z.union([z.uuid(), z.coerce.number().int().min(2000).max(2100)]).describe('统计年度'),
  });
  api.get(
    '/api/penalties/statistics/:year',
    {
      schema: {
        summary: '年度行政执法统计（公开前按记录计算，公开后为公开时的数据）',
        params: statRef,
      },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'list')),
    },
    async (req) => statisticsView(ctx, requireActor(req), deps.facts, req.params.year),
  );
  api.post(
    '/api/penalties/statistics/:year/publish',
    {
      schema: { summary: '公开年度行政执法统计', params: statYear, body: noBody },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'configure')),
    },
    async (req) => publishStatistics(ctx, requireActor(req), deps.facts, req.params.year),
  );
  // The feed (format in feed.ts): ?format=csv downloads, JSON otherwise.
  const exportQuery = z.object({
    year,
    format: z.enum(['json', 'csv']).default('json').describe('格式'),
  });
  api.get(
    '/api/penalties/export',
    {
      schema: {
        summary: '行政处罚决定数据交换（互联网+监管、企业信用信息公示，CSV/JSON）',
        querystring: exportQuery,
      },
      preValidation: guard((a) => authorize(a, 'penaltyCase', 'exportFeed')),
    },
    async (req, reply) => {
      const feed = await feedRecords(ctx, requireActor(req), req.query.year);
      if (req.query.format === 'json') return feed;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentHeader(`行政处罚决定${req.query.year}.csv`))
        .send(feedCsv(feed.records));
    },
  );

  const opens = guard((a) => authorize(a, 'penaltyCase', 'open'));
  api.post(
    '/api/penalties',
    { schema: { summary: '行政处罚立案', body: openBody }, preValidation: opens },
    async (req) => {
      const actor = requireActor(req);
      const p = await openPenalty(ctx, actor, req.body);
      return penaltyView(ctx, actor, p.id);
    },
  );
  api.post(
    '/api/penalties/from-inspection',
    { schema: { summary: '依检查发现的问题立案', body: fromInspection }, preValidation: opens },
    async (req) => {
      const actor = requireActor(req);
      const p = await openFromInspection(ctx, actor, req.body);
      return penaltyView(ctx, actor, p.id);
    },
  );
  api.post(
    '/api/penalties/summary',
    {
      schema: { summary: '当场作出行政处罚决定（简易程序）', body: summaryBody },
      preValidation: opens,
    },
    async (req) => {
      const actor = requireActor(req);
      const p = await decideOnSpot(ctx, actor, req.body);
      return penaltyView(ctx, actor, p.id);
    },
  );

  api.get(
    '/api/penalties/:id',
    { schema: { summary: '行政处罚案件（环节、期限、可办理的操作）', params: idParam } },
    async (req) => penaltyView(ctx, requireActor(req), req.params.id),
  );
  api.get(
    '/api/penalties/:id/archive',
    { schema: { summary: '案卷（全过程记录及审计证明）', params: idParam } },
    async (req) => archiveView(ctx, requireActor(req), req.params.id),
  );
  const docParams = z.object({
    id: z.uuid().describe('案件编号'),
    kind: z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]]).describe('文书'),
  });
  api.get(
    '/api/penalties/:id/documents/:kind',
    { schema: { summary: '案件文书（公文格式 .docx）', params: docParams } },
    async (req, reply) => {
      const doc = await caseDocument(ctx, requireActor(req), req.params.id, req.params.kind);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachmentHeader(doc.name))
        .send(doc.content);
    },
  );
  penaltyActRoutes(app, ctx);
}
