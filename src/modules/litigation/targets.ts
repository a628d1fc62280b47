/**
 * The bureau's own records a case may challenge: the picker of the registration form (newest first, the
 * department's only) and the check at registration. A penalty decision is reached only through the
 * penalties module's public surface (its scope rule, decided cases only).
 */
import { AppError } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { findPenaltyDecision, listPenaltyDecisions } from '../penalties/index.ts';
import { departmentDocumentTitle, departmentDocuments } from '../documents/index.ts';
import { departmentRequests, departmentRequestTitle } from '../disclosure/index.ts';
import { authorize } from './policy.ts';
import { ACT_MODULES, type ActModule } from './labels.ts';

const UUID = /^[0-9a-f-]{36}$/i;
const decisionTitle = (d: { decisionNo: string; title: string }) => `${d.decisionNo}（${d.title}）`;

function refuse(message: string): never {
  throw new AppError('VALIDATION', `被复议（诉讼）的行政行为：${message}`, {
    fields: [{ path: 'actRecordId', message }],
  });
}

export async function actTargets(
  ctx: Ctx,
  actor: Actor,
  module: ActModule,
): Promise<Array<{ id: string; title: string; on: string }>> {
  authorize(actor, 'litigationCase', 'register');
  if (module === 'normativeDocument') return departmentDocuments(ctx.db, actor.departmentId);
  if (module === 'penaltyDecision')
    return (await listPenaltyDecisions(ctx.db, actor)).map((d) => ({
      id: d.id,
      title: decisionTitle(d),
      on: d.decidedOn,
    }));
  // A request is named by its receipt date and content (never the applicant's personal data).
  return departmentRequests(ctx.db, actor.departmentId);
}

/** The title of the bureau's own record an act refers to; refuses a record out of the actor's scope, or none. */
export async function actRecordTitle(
  db: DbOrTx,
  actor: Actor,
  module: ActModule,
  recordId: string,
): Promise<string> {
  const label = ACT_MODULES[module].label;
  if (module === 'penaltyDecision') {
    const found = await findPenaltyDecision(db, actor, recordId);
    if (found.status === 'notFound') refuse(`本部门没有该${label}`);
    // Only a decision made can be challenged (行政复议法 Art 11 (一); 行政诉讼法 Art 12 (一)).
    if (found.status === 'undecided')
      refuse(`行政处罚案件${found.caseNo}尚未作出处罚决定，不能作为被复议（诉讼）的行政行为`);
    return decisionTitle(found.decision);
  }
  const titleOf = module === 'normativeDocument' ? departmentDocumentTitle : departmentRequestTitle;
  const title = UUID.test(recordId) ? await titleOf(db, actor.departmentId, recordId) : undefined;
  if (title === undefined) refuse(`本部门没有该${label}`);
  return title;
}
