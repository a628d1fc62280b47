import { useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api.ts';
import type { FormField } from '../../lib/ActForm.tsx';

export interface Label {
  code: string;
  label: string;
}
export interface PublicationMeta {
  categories: Label[];
  topics: Label[];
  validities: Label[];
  indexPattern: string;
  today: string;
  /** Who may do the 保密审查: the department's other accounts (never the drafter, 条例第十七条). */
  /** 发布主动公开信息 as declared (forms.ts), its selects offering the above. */
  form: FormField[];
  abilities: { publish: boolean; editGuide: boolean };
}
// The server's own types (type-only: nothing of the server reaches the bundle).
export type {
  PublicationListItem as PublicationItem,
  PublicationPage,
} from '../../../modules/disclosure/publications/queries.ts';
import type { PublicationListItem as PublicationItem } from '../../../modules/disclosure/publications/queries.ts';
export interface Publication extends PublicationItem {
  keywords: string[];
  body: string;
  publishedAt: string;
  publishedVia: string | null;
  confidentialityReview: {
    reviewer: string;
    conclusion: 'public';
    on: string;
    note: string | null;
  };
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  attachments: { id: string; name: string; size: number; mime: string }[];
}
/** A publication waiting for (or through) its 保密审查 (the server's review.ts). */
export type { PublicationRequestView as PublicationRequest } from '../../../modules/disclosure/publications/review.ts';

export interface DueInfo {
  due: string;
  provisional: boolean;
  explanation: string;
  today: string;
  publishedOn: string;
  late: boolean;
}
export interface Guide {
  officeName: string;
  address: string;
  postcode: string;
  hours: string;
  phone: string;
  fax: string;
  onlineContact: string;
  body: string;
  updatedOn: string | null;
}

export const publicationsKey = ['publications'] as const;

export function usePublicationMeta() {
  return useQuery({
    queryKey: [...publicationsKey, 'meta'],
    queryFn: () => get<PublicationMeta>('/api/publications/meta'),
    staleTime: 5 * 60_000,
  });
}

/** The upload limit (a business setting), to refuse an oversized file before sending it. */
export function useFileLimit() {
  return useQuery({
    queryKey: ['files', 'limits'],
    queryFn: () => get<{ maxBytes: number; label: string }>('/api/files/limits'),
    staleTime: 60_000,
  });
}

/** Checks a file against the limit before upload: true, or a Chinese message. */
export function oversized(
  file: { name: string; size: number },
  limit?: { maxBytes: number; label: string },
): string | null {
  return limit && file.size > limit.maxBytes
    ? `“${file.name}”超过单个文件大小上限 ${limit.label}，未上传`
    : null;
}

export const labelOf = (list: Label[] | undefined, code: string | null) =>
  code ? (list?.find((l) => l.code === code)?.label ?? code) : '—';

/** The portal address of a publication (索引号 keep their slash). */
export const portalHref = (indexNumber: string) =>
  `/xxgk/p/${indexNumber.split('/').map(encodeURIComponent).join('/')}`;

/** Tag colours with 4.5:1 contrast (Ant Design's preset green/red tags fall short). */
export const TAG = {
  green: { color: '#146c2e', background: '#e6f4ea', borderColor: '#a8dab5' },
  grey: { color: '#4d4d4d', background: '#f5f5f5', borderColor: '#d9d9d9' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};
