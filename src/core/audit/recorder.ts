/**
 * One audit helper for every module: bound to the module's label list, so an action code is typed
 * (a code without a Chinese name does not compile) and the record kind is one the list names. A module
 * whose services audit each engine act under its own prefix spreads procedureActionLabels(prefix,
 * procedures) into its list: with procedures declared by defineProcedure its codes are then
 * `${prefix}${ActionCode}` — exactly the acts the procedures declare, each named by the act's label.
 * Append in the caller's transaction, right before commit, like appendAudit itself.
 */
import type { Tx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';
import { appendAudit } from './chain.ts';
import type { ModuleAudit } from './labels.ts';

export type AuditCode<A extends ModuleAudit> = Extract<keyof A['actions'], string>;
type Kinds<A extends ModuleAudit> =
  A['entities'] extends Readonly<Record<string, unknown>>
    ? Extract<keyof A['entities'], string>
    : string;

export interface AuditRecorder<A extends ModuleAudit> {
  (
    tx: Tx,
    ctx: { clock: Clock },
    actor: Pick<Actor, 'userId' | 'orgId'>,
    action: AuditCode<A>,
    entity: { type: Kinds<A>; id: string | null },
    payload?: Record<string, unknown>,
  ): Promise<number>;
  /**
   * A code built at run time from an act the engine has just accepted (`litigation.${req.action}`,
   * the action a free string the engine checked against the case's procedure), as one of the module's
   * codes. A code the list does not name is refused, so nothing without a Chinese name is written.
   */
  code(code: string): AuditCode<A>;
}

/** `const audit = auditRecorder(meetingsAudit)`; then `audit(tx, ctx, actor, 'meeting.held', { type: 'meeting', id }, {...})`. */
export function auditRecorder<A extends ModuleAudit>(labels: A): AuditRecorder<A> {
  const record = (
    tx: Tx,
    ctx: { clock: Clock },
    actor: Pick<Actor, 'userId' | 'orgId'>,
    action: AuditCode<A>,
    entity: { type: Kinds<A>; id: string | null },
    payload: Record<string, unknown> = {},
  ) =>
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
  const isCode = (code: string): code is AuditCode<A> => Object.hasOwn(labels.actions, code);
  return Object.assign(record, {
    code(code: string): AuditCode<A> {
      if (!isCode(code)) throw new AppError('INTERNAL', `审计事项 ${code} 没有登记中文名称`);
      return code;
    },
  });
}
