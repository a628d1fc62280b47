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
