/** The staff API of the acts on a 行政处罚 case after 立案 (thin: validate → one service call → the fresh view). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { isoDate } from '../../core/http/validate.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { assignOfficers } from './opening.ts';
import { loadPenalty } from './service.ts';
import {
  closeCase,
  deliver,
  execute,
  publish,
  revoke,
  withdrawPublication,
} from './actsExecution.ts';
import { collectiveDiscussion, decide, submitLegalCheck } from './actsDecision.ts';
import { fileSummary } from './actsSummary.ts';
import { holdHearing, scheduleHearing, serveNotice } from './actsHearing.ts';
import { plainAct, PLAIN_ACTS } from './acts.ts';
import { attachFile } from './records.ts';
import { actLabel, penaltyView } from './view.ts';
import { FILE_KINDS, type FileKind } from './labels.ts';
import {
  amount,
  decideBody,
  idParam,
  ids,
  noticeBody,
  on,
  plainBody,
  text,
} from './routeSchemas.ts';

/** The acts on a case after 立案: one POST each, the case looked up in scope first. */
export function penaltyActRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
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
