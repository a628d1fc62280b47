/** The staff API of the acts on a 行政处罚 case after 立案 (thin: validate → one service call → the fresh view). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { fieldSchema, fieldsSchema } from '../../core/procedure/fieldSchema.ts';
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
import { decideBody, idParam, ids, noticeBody, on, plainBody } from './routeSchemas.ts';
import { ACT_FORMS, HEARING_PUBLIC } from './forms.ts';

// The acts' bodies are derived from their declared fields (forms.ts), with the 办理日期 where the act
// takes one; an API call without isPublic holds the hearing in public (Art 64 (三)).
const body = <F extends keyof typeof ACT_FORMS>(form: F) => fieldsSchema(ACT_FORMS[form]);
const isPublic = fieldSchema(HEARING_PUBLIC) as z.ZodOptional<z.ZodBoolean>;

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
    body('hearingNotice').extend({ isPublic: isPublic.default(true), on }),
    (a, id, b) => scheduleHearing(ctx, a, id, b, b.on),
  );
  post('/hearing', '举行听证', body('hearing').extend({ on }), (a, id, b) =>
    holdHearing(ctx, a, id, b, b.on),
  );
  post(
    '/legal-check',
    '提交法制审核',
    body('legalCheck').extend({ fileIds: ids('送审材料').optional() }),
    (a, id, b) => submitLegalCheck(ctx, a, id, b),
  );
  post('/collective', '负责人集体讨论', body('collective').extend({ on }), (a, id, b) =>
    collectiveDiscussion(ctx, a, id, b, b.on),
  );
  post('/decide', '作出行政处罚决定', decideBody, (a, id, b) => decide(ctx, a, id, b, b.on));
  post('/deliver', '送达行政处罚决定书', body('deliver').extend({ on }), (a, id, b) =>
    deliver(ctx, a, id, b, b.on),
  );
  post('/execute', '执行完毕', body('execute').extend({ on }), (a, id, b) =>
    execute(ctx, a, id, b, b.on),
  );
  post('/publish', '公开行政处罚决定', body('publish'), (a, id, b) => publish(ctx, a, id, b));
  post('/close', '结案', noBody, (a, id) => closeCase(ctx, a, id));
  post('/file-record', '当场处罚决定备案', noBody, (a, id) => fileSummary(ctx, a, id));
  post(
    '/revoke',
    '登记决定被变更、撤销或确认违法、无效',
    body('revoke').extend({ on }),
    (a, id, b) => revoke(ctx, a, id, b, b.on),
  );
  post('/withdraw', '撤回已公开的处罚决定', body('withdraw'), (a, id, b) =>
    withdrawPublication(ctx, a, id, b),
  );
  post(
    '/files',
    '附入全过程记录文件',
    body('attach').extend({ fileId: z.uuid().describe('文件') }),
    (a, id, b) => attachFile(ctx, a, id, b),
  );
  for (const action of PLAIN_ACTS)
    post(`/acts/${action}`, `办理：${actLabel(action)}`, plainBody, (a, id, b) =>
      plainAct(ctx, a, id, action, b.data, b.on),
    );
}
