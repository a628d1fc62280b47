import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { authorize } from './policy.ts';
import { actOnCase, registerCase } from './service.ts';
import { listCases, listHearings } from './records.ts';
import { litigationView } from './view.ts';
import { answerDocx } from './docx.ts';
import { tableFour, tableFourCell } from './table4.ts';
import { litigationFacts } from './facts.ts';
import { actTargets } from './targets.ts';
import { ACT_MODULES } from './labels.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 1) => z.string().trim().min(min).max(max).describe(label);
const year = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
const flag = (label: string) => z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe(label);
const actModule = z.enum(Object.keys(ACT_MODULES) as [keyof typeof ACT_MODULES]).describe('行政行为类型');

const common = {
  caseNo: text('案号', 100),
  applicant: text('申请人（原告）', 200),
  body: text('复议机关（人民法院）', 100),
  actModule: actModule.nullable().optional(),
  actRecordId: z.uuid().nullable().optional().describe('本机关的记录'),
  actTitle: text('被复议（诉讼）的行政行为', 300, 0).optional(),
  filedOn: isoDate('申请（立案）日期').nullable().optional(),
};
export const reconsiderationBody = z.object({ ...common, receivedOn: isoDate('收到复议申请书副本日期'), procedureType: z.enum(['ordinary', 'simple']).default('ordinary').describe('审理程序') });
export const lawsuitBody = z.object({ ...common, receivedOn: isoDate('收到起诉状副本日期'), afterReconsideration: z.boolean().default(false).describe('复议后起诉') });
const evidence = z.object({ title: text('证据名称', 200), gatheredOn: isoDate('取得日期') });
export const actBody = z.object({
  action: z.string().regex(/^[a-zA-Z]{1,40}$/, '无效').describe('办理事项'),
  on: isoDate('办理日期'),
  data: z.record(z.string().max(40), z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()])).optional().describe('办理内容'),
  evidence: z.array(evidence).max(200).optional().describe('证据'),
});
const listQuery = z.object({
  kind: z.enum(['reconsideration', 'lawsuit']).optional().describe('案件类型'),
  year: year('收案年度').optional(),
  decidedIn: year('决定年度').optional(),
  concludedIn: year('审结年度').optional(),
  answeredIn: year('答复年度').optional(),
  late: flag('逾期答复'),
  category: z.enum(['maintained', 'corrected', 'other', 'pending']).optional().describe('结果'),
  disclosure: flag('政府信息公开案件'),
  afterReconsideration: flag('复议后起诉'),
});

export function litigationRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/litigation', async (req) => listCases(ctx, requireActor(req), parse(listQuery, req.query)));
  app.post('/api/litigation/reconsiderations', async (req) => {
    const actor = requireActor(req);
    const row = await registerCase(ctx, actor, 'reconsideration', parse(reconsiderationBody, req.body));
    return litigationView(ctx, actor, row.id);
  });
  app.post('/api/litigation/lawsuits', async (req) => {
    const actor = requireActor(req);
    const row = await registerCase(ctx, actor, 'lawsuit', parse(lawsuitBody, req.body));
    return litigationView(ctx, actor, row.id);
  });
  app.get('/api/litigation/targets', async (req) => actTargets(ctx, requireActor(req), parse(z.object({ module: actModule }), req.query).module));
  app.get('/api/litigation/hearings', async (req) => {
    const q = parse(z.object({ year: year(), headAppeared: flag('负责人出庭') }), req.query);
    return listHearings(ctx, requireActor(req), q.year, q.headAppeared);
  });
  app.get('/api/litigation/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'litigationCase', 'list');
    return { facts: await litigationFacts(ctx, actor.departmentId, parse(z.object({ year: year() }), req.query).year) };
  });
  app.get('/api/litigation/table4', async (req) => {
    const actor = requireActor(req);
    const q = parse(z.object({ year: year(), group: z.coerce.number().int().min(0).max(2).optional().describe('栏目'), column: z.coerce.number().int().min(0).max(4).optional().describe('列') }), req.query);
    authorize(actor, 'litigationCase', 'list');
    if (q.group === undefined || q.column === undefined) return { cells: await tableFour(ctx.db, actor.departmentId, q.year) };
    return { cases: await tableFourCell(ctx, actor, q.year, q.group, q.column) };
  });
  app.get('/api/litigation/:id', async (req) => litigationView(ctx, requireActor(req), parse(idParam, req.params).id));
  app.post('/api/litigation/:id/acts', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await actOnCase(ctx, actor, id, parse(actBody, req.body));
    return litigationView(ctx, actor, id);
  });
  app.get('/api/litigation/:id/answer.docx', async (req, reply) => {
    const { name, buffer } = await answerDocx(ctx, requireActor(req), parse(idParam, req.params).id);
    return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(name)).send(buffer);
  });
}
