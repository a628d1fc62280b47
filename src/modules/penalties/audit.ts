/** The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { penaltiesAudit } from './auditLabels.ts';

export const audit = auditRecorder(penaltiesAudit);
/**
 * An engine act's event (`penalty.<act>`): the procedure names the code and procedureActionLabels gives
 * its label, so the code is checked against the procedure (labels.test.ts on the demo's chain), not here.
 */
export const auditAct = auditRecorder(
  penaltiesAudit as typeof penaltiesAudit & { actions: Record<`penalty.${string}`, string> },
);
