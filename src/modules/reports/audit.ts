/** The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { reportsAudit } from './auditLabels.ts';

export const audit = auditRecorder(reportsAudit);
