/** The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { supervisionAudit } from './auditLabels.ts';

export const audit = auditRecorder(supervisionAudit);
/**
 * An engine act's event (`supervision.<act>`): the procedure names the code and procedureActionLabels gives
 * its label, so the code is checked against the procedure (labels.test.ts on the demo's chain), not here.
 */
export const auditAct = auditRecorder(
  supervisionAudit as typeof supervisionAudit & {
    actions: Record<`supervision.${string}`, string>;
  },
);
