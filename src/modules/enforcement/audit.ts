/** The module's audit helper: action codes typed by auditLabels.ts (core/audit/recorder.ts). */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { enforcementAudit } from './auditLabels.ts';

export const audit = auditRecorder(enforcementAudit);
