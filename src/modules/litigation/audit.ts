/**
 * The module's audit helper: typed action codes from auditLabels.ts (src/core/audit/recorder.ts) — its
 * own codes and each engine act of its procedures under its prefix.
 */
import { auditRecorder } from '../../core/audit/recorder.ts';
import { litigationAudit } from './auditLabels.ts';

export const audit = auditRecorder(litigationAudit);
