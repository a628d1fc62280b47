/** The staff API of 行政处罚 (thin: validate → authorize in the service → one service call → the fresh view). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { isoDate } from '../../core/http/validate.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { listEligibleOfficers } from '../enforcement/index.ts';
import { authorize } from './policy.ts';
import {
  assignOfficers,
  listPenalties,
  loadPenalty,
  openFromInspection,
  openPenalty,
  readSettings,
  updateSettings,
} from './service.ts';
import {
  closeCase,
  deliver,
  execute,
  publish,
  revoke,
  withdrawPublication,
} from './actsExecution.ts';
import { collectiveDiscussion, decide, submitLegalCheck } from './actsDecision.ts';
import { decideOnSpot, fileSummary } from './actsSummary.ts';
import { holdHearing, scheduleHearing, serveNotice } from './actsHearing.ts';
import { plainAct, PLAIN_ACTS } from './acts.ts';
import { archiveView, attachFile } from './records.ts';
import { caseDocument, DOCUMENT_KINDS, type DocumentKind } from './documents.ts';
import { feedCsv, feedRecords } from './feed.ts';
import { penaltyFacts } from './facts.ts';
import { actLabel, penaltySummary, penaltyView } from './view.ts';
import {
  FILE_KINDS,
  PARTY_KINDS,
  PENALTY_TYPE_CODES,
  penaltySettings,
  type FileKind,
  type PartyKind,
  type PenaltyType,
} from './labels.ts';
import type { ModuleDeps } from '../../core/module.ts';
import { publishStatistics, statisticsView } from './statistics.ts';

const idParam = z.object({ id: z.uuid().describe('案件编号') });
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
const amount = (label: string) => z.number().min(0).max(1e10).describe(label);
const partyKind = z
  .enum(Object.keys(PARTY_KINDS) as [PartyKind, ...PartyKind[]])
  .describe('当事人类型');
const types = z
  .array(z.enum(PENALTY_TYPE_CODES as [PenaltyType, ...PenaltyType[]]).describe('处罚种类'))
  .min(1)
  .max(12)
  .describe('处罚种类');
const ids = (label: string) => z.array(z.uuid().describe(label)).max(20).describe(label);
const on = isoDate('办理日期').optional();

const listQuery = z.object({
  year: year.optional(),
  status: text('状态', 40).optional(),
  q: text('关键词', 100).optional(),
  inspection: z.uuid().optional().describe('检查记录'),
  published: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('已公开'),
  decided: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年作出处罚决定'),
  legalChecked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年经法制审核'),
  hearing: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年举行听证'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const openBody = z.object({
  partyKind,
  partyName: text('当事人', 200, 2),
  partyIdNo: text('证件号码或统一社会信用代码', 40).optional(),
  partyAddress: text('住所', 200).optional(),
  title: text('案件名称', 200).optional(),
  summary: text('案情摘要', 20_000, 4),
  actOn: isoDate('违法行为发生（终了）日期'),
  discoveredOn: isoDate('发现日期'),
  lifeHealthFinance: z.boolean().default(false).describe('涉及生命健康安全、金融安全且有危害后果'),
  major: z.boolean().default(false).describe('重大执法决定'),
  approvedBy: text('立案审批人', 50).optional(),
  officerIds: ids('执法人员').optional(),
  handlerIds: ids('承办人账号').optional(),
  discretionCode: text('裁量情形', 40).optional(),
});
const fromInspection = z.object({
  inspectionRecordId: z.uuid().describe('检查记录'),
  partyKind: partyKind.optional(),
  officerIds: ids('执法人员').optional(),
  handlerIds: ids('承办人账号').optional(),
  major: z.boolean().optional().describe('重大执法决定'),
  approvedBy: text('立案审批人', 50).optional(),
});
const penaltyBody = {
  types,
  fineAmount: amount('罚款金额').optional(),
  confiscationAmount: amount('没收金额').optional(),
};
const summaryBody = z.object({
  ...penaltyBody,
  partyKind,
  partyName: text('当事人', 200, 2),
  partyIdNo: text('证件号码或统一社会信用代码', 40).optional(),
  facts: text('违法事实', 5000, 4),
  basis: text('处罚依据', 2000, 2),
  officerIds: ids('执法人员'),
  place: text('地点', 200).optional(),
});
const noticeBody = z.object({
  ...penaltyBody,
  facts: text('违法事实', 20_000, 4),
  reasons: text('理由', 5000, 2),
  basis: text('依据', 2000, 2),
  discretionCode: text('裁量情形', 40).optional(),
  on,
});
const decideBody = z.object({
  decisionType: z.enum(['penalty', 'noPenalty']).describe('决定类型'),
  types: types.optional().default([]),
  fineAmount: penaltyBody.fineAmount,
  confiscationAmount: penaltyBody.confiscationAmount,
  facts: text('违法事实和证据', 20_000, 4),
  basis: text('处罚依据', 2000, 2),
  discretionCode: text('裁量情形', 40).optional(),
  outsideRangeReason: text('超出裁量幅度的理由', 2000).optional(),
  paymentMethod: text('缴款方式', 200).optional(),
  on,
});
const plainBody = z.object({
  data: z
    .record(z.string(), z.union([z.string().max(20_000), z.number(), z.boolean()]))
    .default({})
    .describe('办理内容'),
  on,
});

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

  // The case is looked up (out of scope: 404) before the body is validated.
  const inScope = guard(async (a, req) => {
    await loadPenalty(ctx.db, a, String((req.params as { id?: string }).id ?? ''));
  });
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, body: z.output<S>) => Promise<unknown>,
  ) =>
    api.post(
      `/api/penalties/:id${path}`,
      { schema: { summary, params: idParam, body: schema }, preValidation: inScope },
      async (req) => {
        const actor = requireActor(req);
        await run(actor, req.params.id, req.body as z.output<S>);
        return penaltyView(ctx, actor, req.params.id);
      },
    );
  post(
    '/assign',
    '指派执法人员',
    z.object({ officerIds: ids('执法人员'), handlerIds: ids('承办人账号').optional() }),
    (a, id, b) => assignOfficers(ctx, a, id, b),
  );
  post('/notice', '行政处罚事先告知', noticeBody, (a, id, b) => serveNotice(ctx, a, id, b, b.on));
  post(
    '/hearing-notice',
    '听证通知',
    z.object({
      hearingOn: isoDate('听证日期'),
      place: text('听证地点', 200, 2),
      chair: text('听证主持人', 50, 2),
      isPublic: z.boolean().default(true).describe('公开举行'),
      on,
    }),
    (a, id, b) => scheduleHearing(ctx, a, id, b, b.on),
  );
  post(
    '/hearing',
    '举行听证',
    z.object({
      record: text('听证笔录', 50_000, 4),
      signed: z.boolean().describe('笔录经当事人核对签字'),
      on,
    }),
    (a, id, b) => holdHearing(ctx, a, id, b, b.on),
  );
  post(
    '/legal-check',
    '提交法制审核',
    z.object({ summary: text('送审说明', 20_000).optional(), fileIds: ids('送审材料').optional() }),
    (a, id, b) => submitLegalCheck(ctx, a, id, b),
  );
  post(
    '/collective',
    '负责人集体讨论',
    z.object({ meeting: text('会议', 200, 2), conclusion: text('讨论结论', 5000, 2), on }),
    (a, id, b) => collectiveDiscussion(ctx, a, id, b, b.on),
  );
  post('/decide', '作出行政处罚决定', decideBody, (a, id, b) => decide(ctx, a, id, b, b.on));
  post(
    '/deliver',
    '送达行政处罚决定书',
    z.object({ method: text('送达方式', 100, 2), recipient: text('受送达人', 100, 1), on }),
    (a, id, b) => deliver(ctx, a, id, b, b.on),
  );
  post(
    '/execute',
    '执行完毕',
    z.object({ paidAmount: amount('实缴罚没款').optional(), note: text('执行情况', 5000, 2), on }),
    (a, id, b) => execute(ctx, a, id, b, b.on),
  );
  post(
    '/publish',
    '公开行政处罚决定',
    z.object({ publicSummary: text('公开摘要', 5000).optional() }),
    (a, id, b) => publish(ctx, a, id, b),
  );
  post('/close', '结案', noBody, (a, id) => closeCase(ctx, a, id));
  post('/file-record', '当场处罚决定备案', noBody, (a, id) => fileSummary(ctx, a, id));
  post(
    '/revoke',
    '登记决定被变更、撤销或确认违法、无效',
    z.object({ reason: text('理由', 5000, 2), by: text('作出机关', 100, 2), on }),
    (a, id, b) => revoke(ctx, a, id, b, b.on),
  );
  post(
    '/withdraw',
    '撤回已公开的处罚决定',
    z.object({ reason: text('公开说明的理由', 5000, 2) }),
    (a, id, b) => withdrawPublication(ctx, a, id, b),
  );
  post(
    '/files',
    '附入全过程记录文件',
    z.object({
      fileId: z.uuid().describe('文件'),
      kind: z.enum(Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]]).describe('材料类型'),
      eventSeq: z.number().int().min(1).describe('所属办理环节'),
    }),
    (a, id, b) => attachFile(ctx, a, id, b),
  );
  for (const action of PLAIN_ACTS)
    post(`/acts/${action}`, `办理：${actLabel(action)}`, plainBody, (a, id, b) =>
      plainAct(ctx, a, id, action, b.data, b.on),
    );
}
