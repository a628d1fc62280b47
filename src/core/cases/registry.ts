import { compile, type ProcedureDef } from '../procedure/engine.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/** Which procedures exist, and the module each belongs to. Modules register theirs at startup. */
export interface ProcedureEntry {
  def: ProcedureDef;
  module: string;
  moduleLabel: string;
  /** Actions only the module's own services record (inside their transaction); see recordAction. */
  moduleActions?: string[];
  /**
   * The module's own workbench page for a case: the table whose row holds the case (its `case_id`) and
   * the page path before that row's id. The generic case page links there, where the module's acts are done.
   */
  page?: { table: string; path: string };
  /**
   * The module's own loader for the record on its page (throws its 404 when the actor may not see it):
   * the generic case API and page answer exactly what the module's own endpoint answers.
   */
  read?: (db: DbOrTx, actor: Actor, recordId: string) => Promise<unknown>;
  /**
   * Roles beyond the department's case workers who may reach this procedure's cases through the generic
   * case API, and only where the module's `read` loader lets them (e.g. the outside 法律顾问 on the
   * review matters assigned to them).
   */
  readers?: string[];
  /**
   * The oversight body of the case's department (role 'oversight') may reach its cases through the generic
   * case API, only where the module's `read` loader lets it (e.g. a normative document filed with it).
   */
  oversightReads?: boolean;
  /** Who may act on that record, when it is narrower than who may read it (throws the module's refusal). */
  act?: (db: DbOrTx, actor: Actor, recordId: string) => Promise<void>;
}

export interface ProcedureRegistry {
  get(code: string): ProcedureEntry;
  all(): ProcedureEntry[];
}

export function createRegistry(entries: ProcedureEntry[]): ProcedureRegistry {
  // Compiling checks every name a procedure uses: a typo fails here, at start-up, not in a gate that never opens.
  for (const e of entries) compile(e.def);
  const byCode = new Map(entries.map((e) => [e.def.code, e]));
  return {
    get(code) {
      const entry = byCode.get(code);
      if (!entry) throw new AppError('INTERNAL', `未注册的程序：${code}`);
      return entry;
    },
    all: () => [...byCode.values()],
  };
}
