// The server's own payload types (type-only imports: nothing of the server is bundled).
import type { DecisionView } from '../../modules/decisions/view.ts';
import type { ArchiveData } from '../../modules/decisions/archive.ts';
import type { listCatalogues } from '../../modules/decisions/catalogue.ts';
import type { CasePayload } from '../lib/types.ts';

export type DecisionPayload = Omit<DecisionView, 'procedure'> & {
  procedure: CasePayload & { today: string };
};
export type ArchivePayload = ArchiveData;
export type Catalogue = Awaited<ReturnType<typeof listCatalogues>>[number];
export type FlowNode = DecisionView['flow'][number];

export interface DecisionItem {
  id: string;
  title: string;
  year: number;
  undertakingUnit: string;
  status: string;
  statusLabel: string;
  inCatalogue: boolean;
  decidedOn: string | null;
  publishedOn: string | null;
}

export const DECISION_STATUSES = [
  { value: 'drafting', label: '决策草案拟订和论证中' },
  { value: 'decided', label: '已决定待公布' },
  { value: 'implementing', label: '执行中' },
  { value: 'suspended', label: '中止执行' },
  { value: 'readjusting', label: '重大调整中' },
  { value: 'superseded', label: '已由调整后的决策替代' },
  { value: 'stopped', label: '停止执行' },
  { value: 'rejected', label: '集体讨论不予通过' },
  { value: 'withdrawn', label: '终止决策程序' },
];
