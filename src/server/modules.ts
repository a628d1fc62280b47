import { createRegistry, type ProcedureRegistry } from '../core/cases/registry.ts';
import { deadlineTask, type SweepTask } from '../core/cases/sweep.ts';
import { DISCLOSURE_REQUEST } from '../modules/disclosure/procedure.ts';
import { NORMATIVE_DOCUMENT } from '../modules/documents/procedure.ts';

/**
 * The modules wired into this build: their procedures, sweep tasks and portal sections.
 * A new module adds its entries here; nothing else in core changes.
 */
export function procedureRegistry(): ProcedureRegistry {
  return createRegistry([
    { def: DISCLOSURE_REQUEST, module: 'disclosure', moduleLabel: '政务公开' },
    { def: NORMATIVE_DOCUMENT, module: 'documents', moduleLabel: '行政规范性文件' },
  ]);
}

export const sweepTasks: SweepTask[] = [deadlineTask];
