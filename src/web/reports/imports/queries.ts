import { useQuery } from '@tanstack/react-query';
import { ApiError, get, type Query } from '../../lib/api.ts';
import { TAG as PUBLICATION_TAG } from '../../disclosure/publications/queries.ts';
// The server's own shapes (type-only: nothing of the server reaches the bundle).
import type {
  Analysis,
  Figure,
  Flag,
  Heading,
  PartCode,
} from '../../../modules/reports/analyser/types.ts';
import type {
  ImportListItem as ServerListItem,
  ImportView as ServerView,
} from '../../../modules/reports/analyser/service.ts';

export type { Analysis, Figure, Flag, Heading, PartCode };
/** Over JSON, timestamps are strings. */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
export type ImportListItem = Wire<ServerListItem>;
export type ImportView = Wire<ServerView>;

export interface ImportMeta {
  departments: { id: string; name: string }[];
  ownDepartmentId: string;
  canChooseDepartment: boolean;
  maxBytes: number;
  parts: { code: PartCode; label: string }[];
  areas: Record<string, string>;
  indicators: Record<string, string>;
  formats: Record<string, string>;
  encodings: Record<string, string>;
}

export const importsKey = ['report-imports'] as const;

export function useImportMeta() {
  return useQuery({
    queryKey: [...importsKey, 'meta'],
    queryFn: () => get<ImportMeta>('/api/report-imports/meta'),
    staleTime: 5 * 60_000,
  });
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;

/** Multipart upload of one report file (the JSON wrapper cannot carry it); errors as ApiError. */
export async function uploadReport(
  file: File,
  query: Query,
  csrfToken: string,
): Promise<{ id: string }> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const body = new FormData();
  body.append('file', file);
  let res: Response;
  try {
    res = await fetch(`/api/report-imports${params.size ? `?${params}` : ''}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const json = (await res.json().catch(() => null)) as {
    id?: string;
    error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  } | null;
  if (!res.ok || !json?.id)
    throw new ApiError(
      res.status,
      json?.error?.code ?? `HTTP_${res.status}`,
      json?.error?.message ?? `上传失败（${res.status}）`,
      json?.error?.fields ?? [],
    );
  return { id: json.id };
}

/** Tag colours with 4.5:1 contrast (the publications' set, and two more). */
export const TAG = {
  ...PUBLICATION_TAG,
  amber: { color: '#7a4b00', background: '#fff7e6', borderColor: '#ffd591' },
  blue: { color: '#0b4f8a', background: '#e6f4ff', borderColor: '#91caff' },
};

export const SELECT_STYLE = {
  minWidth: 160,
  height: 32,
  padding: '0 8px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  background: '#fff',
} as const;
