import type { Role } from './roles.ts';

/** Who is acting: resolved from the session on every request, passed explicitly to services. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  /** The department (or oversight body, or government) the user's org belongs to: the scope of what they see. */
  departmentId: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export const hasRole = (actor: Actor, ...roles: Role[]) =>
  roles.some((r) => actor.roles.includes(r));

/** A system actor for the scheduled sweep and the command line. */
export const SYSTEM_ACTOR_NAME = '系统';

/**
 * The system acting — the sweep, the portal's own intake, a fact noted on another module's case, the
 * demo: no signed-in user, so the audit records the actor as null. The one constructor for all of them.
 * `departmentId` null: acts before any organisation exists (the demo's first organisations).
 */
export function systemActor(scope: {
  departmentId: string | null;
  orgId?: string;
  roles?: Role[];
  username?: string;
  displayName?: string;
}): Actor {
  const dept = scope.departmentId as string;
  return {
    userId: null as unknown as string,
    username: scope.username ?? 'system',
    displayName: scope.displayName ?? SYSTEM_ACTOR_NAME,
    orgId: scope.orgId ?? dept,
    orgName: SYSTEM_ACTOR_NAME,
    departmentId: dept,
    roles: scope.roles ?? [],
    mustChangePassword: false,
  };
}
