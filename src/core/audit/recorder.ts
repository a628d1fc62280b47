/**
 * One audit helper for every module: bound to the module's label list, so an action code is typed
 * (a code without a Chinese name does not compile) and the record kind is one the list names.
 * Append in the caller's transaction, right before commit, like appendAudit itself.
 */
import type { Tx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from './chain.ts';
import type { ModuleAudit } from './labels.ts';

type Codes<A extends ModuleAudit> = Extract<keyof A['actions'], string>;
type Kinds<A extends ModuleAudit> =
  A['entities'] extends Readonly<Record<string, unknown>>
    ? Extract<keyof A['entities'], string>
    : string;

export type AuditRecorder<A extends ModuleAudit> = (
  tx: Tx,
  ctx: { clock: Clock },
  actor: Pick<Actor, 'userId' | 'orgId'>,
  action: Codes<A>,
  entity: { type: Kinds<A>; id: string | null },
  payload?: Record<string, unknown>,
) => Promise<number>;

/** `const audit = auditRecorder(meetingsAudit)`; then `audit(tx, ctx, actor, 'meeting.held', { type: 'meeting', id }, {...})`. */
export function auditRecorder<A extends ModuleAudit>(labels: A): AuditRecorder<A> {
  void labels; // the type carries the codes; the list itself is registered through the manifest
  return (tx, ctx, actor, action, entity, payload = {}) =>
    appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action,
        entityType: entity.type,
        entityId: entity.id,
        payload,
      },
      ctx.clock.now(),
    );
}
