/** The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { proposalsAudit } from './auditLabels.ts';

export const audit = auditRecorder(proposalsAudit);
/**
 * An engine act's event (`proposal.<act>`): the procedure names the code and procedureActionLabels gives
 * its label, so the code is checked against the procedure (labels.test.ts on the demo's chain), not here.
 */
export const auditAct = auditRecorder(
  proposalsAudit as typeof proposalsAudit & { actions: Record<`proposal.${string}`, string> },
);
