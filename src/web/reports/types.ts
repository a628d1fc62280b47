// Shapes of the annual-report API (type-only imports: nothing of the server reaches the bundle).
import type { reportView, stepRecords } from '../../modules/reports/view.ts';
import type { compareVersions, listVersions } from '../../modules/reports/versions.ts';
import type { oversightOverview } from '../../modules/reports/oversight.ts';
import type { Approval, Review, Submission } from '../../modules/reports/store.ts';

export type ReportPayload = Awaited<ReturnType<typeof reportView>>;
export type Report = Extract<ReportPayload, { exists: true }>;
export type ShownFigure = Report['figures'][string];
export type Versions = Awaited<ReturnType<typeof listVersions>>;
export type Comparison = Awaited<ReturnType<typeof compareVersions>>;
export type Oversight = Awaited<ReturnType<typeof oversightOverview>>;
export type StepRecords = Awaited<ReturnType<typeof stepRecords>>;
export type { Approval, Review, Submission };
export type {
  Block,
  Inline,
  Part,
  ReportDocument,
  Figure,
} from '../../modules/reports/document.ts';
