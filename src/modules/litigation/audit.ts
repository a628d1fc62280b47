/** The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { litigationAudit } from './auditLabels.ts';

export const audit = auditRecorder(litigationAudit);
/**
 * An engine act's event (`litigation.<act>`): the procedure names the code and procedureActionLabels gives
 * its label, so the code is checked against the procedure (labels.test.ts on the demo's chain), not here.
 */
export const auditAct = auditRecorder(
  litigationAudit as typeof litigationAudit & { actions: Record<`litigation.${string}`, string> },
);
