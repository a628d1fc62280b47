/**
 * The legal status of a document version, DERIVED from its dated events (never typed in): 有效 from
 * publication (or its 施行日期), then the first ending event wins — 已修改 (a new version was
 * published), 废止, 宣布失效, or 失效 by expiry the day after the validity period ends (RULES §2.3
 * step 11). Pure; the cached column normative_documents.legal_status is written from it only.
 */
export type LegalStatus =
  'draft' | 'notYetInForce' | 'inForce' | 'amended' | 'abolished' | 'expired';
export type EndingKind = 'amended' | 'abolished' | 'declaredInvalid' | 'expired';

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  draft: '未发布',
  notYetInForce: '尚未施行',
  inForce: '有效',
  amended: '已修改',
  abolished: '废止',
  expired: '失效',
};

/** The Chinese label of a stored status code (labels live on the server; the web shows them). */
export const legalStatusLabel = (code: string): string =>
  LEGAL_STATUS_LABELS[code as LegalStatus] ?? code;

export const ENDING_LABELS: Record<EndingKind, string> = {
  amended: '已修改',
  abolished: '废止',
  declaredInvalid: '宣布失效',
  expired: '有效期届满失效',
};

export interface StatusEvent {
  kind: string;
  on: string;
  act?: string | null;
}

export interface StatusInput {
  events: StatusEvent[];
  effectiveOn?: string | null;
  validUntil?: string | null;
  today: string;
}

export interface DerivedStatus {
  status: LegalStatus;
  since?: string;
  ending?: EndingKind;
  act?: string | null;
}

const ENDINGS: EndingKind[] = ['amended', 'abolished', 'declaredInvalid', 'expired'];
const STATUS_OF: Record<EndingKind, LegalStatus> = {
  amended: 'amended',
  abolished: 'abolished',
  declaredInvalid: 'expired',
  expired: 'expired',
};

/** The day after `date` (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function legalStatus(input: StatusInput): DerivedStatus {
  const { today } = input;
  const published = input.events.find((e) => e.kind === 'published' && e.on <= today);
  if (!published) return { status: 'draft' };
  const endings: Array<{ kind: EndingKind; on: string; act?: string | null }> = input.events
    .filter((e): e is StatusEvent & { kind: EndingKind } => (ENDINGS as string[]).includes(e.kind))
    .map((e) => ({ kind: e.kind, on: e.on, act: e.act }));
  // Expiry happens by itself the day after the validity period, whether or not the sweep recorded it yet.
  if (input.validUntil && !endings.some((e) => e.kind === 'expired'))
    endings.push({ kind: 'expired', on: dayAfter(input.validUntil) });
  const ended = endings
    .filter((e) => e.on <= today)
    .sort((a, b) =>
      a.on < b.on ? -1 : a.on > b.on ? 1 : ENDINGS.indexOf(a.kind) - ENDINGS.indexOf(b.kind),
    )[0];
  if (ended)
    return {
      status: STATUS_OF[ended.kind],
      since: ended.on,
      ending: ended.kind,
      act: ended.act ?? null,
    };
  const start =
    input.effectiveOn && input.effectiveOn > published.on ? input.effectiveOn : published.on;
  if (start > today) return { status: 'notYetInForce', since: published.on };
  return { status: 'inForce', since: start };
}

/** The 有效性 of the 主动公开 record (publications.validity) for a status. */
export function publicationValidity(
  status: LegalStatus,
): 'inForce' | 'amended' | 'expired' | 'abolished' | null {
  if (status === 'inForce' || status === 'notYetInForce') return 'inForce';
  if (status === 'draft') return null;
  return status;
}

/** Validity period (RULES §2.3 step 11, local rules): ≤ 5 years, 试行/暂行 ≤ 2 years, counted from the effective date. */
export function defaultValidUntil(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
