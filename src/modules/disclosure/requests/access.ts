/**
 * Reaching a request: read it (404 outside the actor's disclosure office) and act on it (its handlers
 * only). A leaf of the requests' use cases (service.ts, approvals.ts both start here).
 */
import { eq } from 'drizzle-orm';
import { cases } from '../../../core/cases/schema.ts';
import type { Ctx } from '../../../core/context.ts';
import type { DbOrTx, Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { authorize, can } from '../policy.ts';
import { disclosureRequests } from './schema.ts';
import type { RequestRow } from './intake.ts';

/** A request the actor's disclosure office may see, or 404 (also the generic case API's and file downloads' rule). */
export async function readRequest(db: DbOrTx, actor: Actor, id: string): Promise<RequestRow> {
  const [r] = await db.select().from(disclosureRequests).where(eq(disclosureRequests.id, id));
  if (!r) throw notFound('政府信息公开申请');
  authorize(actor, 'disclosureRequest', 'read', r);
  return r;
}

export const loadRequest = (ctx: Ctx, actor: Actor, id: string, tx?: Tx): Promise<RequestRow> =>
  readRequest(tx ?? ctx.db, actor, id);

/**
 * The request is readable (loadRequest answers 404 otherwise); acting on it is for its handlers (the
 * assigned 科室, the 办公室 and leaders): anyone else in the department is told who may.
 */
export async function assertHandler(tx: DbOrTx, actor: Actor, r: RequestRow): Promise<void> {
  const [{ orgId }] = await tx
    .select({ orgId: cases.orgId })
    .from(cases)
    .where(eq(cases.id, r.caseId));
  if (!can(actor, 'disclosureRequest', 'act', { departmentId: r.departmentId, orgId }))
    throw new AppError(
      'FORBIDDEN',
      '只有承办科室、政府信息公开工作机构（办公室）和局领导可以办理此申请',
    );
}
