import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db, Tx } from './db/client.ts';
import type { Clock } from './clock.ts';
import type { CalendarStore } from './calendar/store.ts';
import type { ProcedureRegistry } from './cases/registry.ts';

/** Everything a service needs, passed in (no globals): tests build one with a fixed clock. */
export interface Ctx {
  db: Db;
  database: Database;
  clock: Clock;
  calendar: CalendarStore;
  procedures: ProcedureRegistry;
  log?: FastifyBaseLogger;
}

/** One use case = one transaction: the state change and its audit event commit together or not at all. */
export function inTx<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(fn);
}
