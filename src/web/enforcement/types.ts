/** Shapes of the 行政执法 staff API (src/modules/enforcement/routes.ts). */
import type { Acts } from '../../core/cases/acts.ts';
import type { DrawAct } from '../../modules/enforcement/draws.ts';

export interface Officer {
  id: string;
  name: string;
  certificateNo: string;
  issuingBody: string;
  field: string;
  validFrom: string;
  validTo: string;
  status: 'active' | 'suspended' | 'revoked';
  statusLabel: string;
  expired: boolean;
  expiringSoon: boolean;
  eligible: boolean;
  trainingHours: number;
  trainingShort: boolean;
  conflicts: Array<{ id: string; creditCode: string; kind: string; note: string }>;
}
export interface Item {
  id: string;
  name: string;
  legalBasis: string;
  method: string;
  subject: string;
  ratio: number;
  kind: 'general' | 'key';
  active: boolean;
}
export interface Version {
  id: string;
  version: number;
  publishedOn: string;
}
export interface Plan {
  id: string;
  year: number;
  name: string;
  scope: string;
  ratio: number;
  frequency: string;
  startOn: string;
  endOn: string;
  perTarget: number;
  status: 'draft' | 'approved' | 'published';
  statusLabel: string;
  stratifyLabel: string;
  approvedOn: string | null;
  publishedOn: string | null;
  items: Array<{ id: string; name: string }>;
}
export interface Draw {
  id: string;
  planId: string;
  seq: number;
  status: 'committed' | 'drawn' | 'cancelled';
  statusLabel: string;
  commitment: string;
  committedAt: string;
  nonce: string | null;
  drawnAt: string | null;
  snapshotHash: string | null;
  seed: string | null;
  drawn: number;
  cancelReason: string | null;
}
export interface Inspection {
  id: string;
  planId: string;
  drawId: string;
  planName: string;
  creditCode: string;
  targetName: string;
  status: 'pending' | 'done' | 'published';
  inspectors: Array<{ id: string; name: string; certificateNo: string }>;
  inspectedOn: string | null;
  endedOn: string | null;
  findings: string;
  result: string | null;
  resultLabel: string | null;
  publishDue: string | null;
  publishedOn: string | null;
  late: boolean;
  fileIds: string[];
}
export interface PlanPayload {
  plan: Plan;
  draws: Draw[];
  abilities: { approve: boolean; publish: boolean; commitDraw: boolean };
}
export interface DrawPayload {
  draw: Draw;
  plan: { id: string; name: string; year: number };
  inspections: Inspection[];
  /** What this actor may do now (the server's rule: draws.ts drawRefusal), and what is held back. */
  acts: Acts<DrawAct>['acts'];
  blocked: Acts<DrawAct>['blocked'];
  /** The draw's page on the portal, once it is public there. */
  portal: string | null;
}
export const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const INSPECTION_STATUS = { pending: '待检查', done: '待公示', published: '已公示' };
