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

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** A system actor for the scheduled sweep and the command line. */
export const SYSTEM_ACTOR_NAME = '系统';
