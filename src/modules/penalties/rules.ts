/**
 * The pure rules of 行政处罚法 (2021) that are not a step order: limitation (Art 36), the 简易程序 amounts
 * (Art 51), the hearing triggers (Art 63), no heavier penalty than notified (Art 45), the late-payment
 * surcharge (Art 72), the 裁量基准 range and the masking of a natural person's name on the portal.
 */
import {
  HEARING_TYPES,
  PENALTY_TYPES,
  type DiscretionRow,
  type PartyKind,
  type PenaltySettings,
  type PenaltyType,
} from './labels.ts';

export interface Penalty {
  types: PenaltyType[];
  fineAmount: number;
  confiscationAmount: number;
}

const addYears = (iso: string, n: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  // 2月29日 + n years falls on 2月28日 in a common year (the period ends on the corresponding day).
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${y + n}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/**
 * Art 36: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
 * 上述期限延长至五年. Counted from the act, or from its end when continuing. Returns the last day on which
 * discovery still allows a penalty.
 */
export function limitationEnd(actOn: string, extended: boolean): string {
  return addYears(actOn, extended ? 5 : 2);
}

/** Art 51: 违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的. */
export const SUMMARY_LIMITS: Record<PartyKind, number> = { individual: 200, organisation: 3000 };
export const SUMMARY_TYPES: PenaltyType[] = ['warning', 'fine'];

/** Art 63 (一)(二)(三)(四): whether the proposed penalty gives the party the right to a hearing. */
export function hearingEligible(
  p: Penalty,
  partyKind: PartyKind,
  s: Pick<PenaltySettings, 'hearingFineIndividual' | 'hearingFineOrganisation'>,
): boolean {
  const threshold =
    partyKind === 'individual' ? s.hearingFineIndividual : s.hearingFineOrganisation;
  if (p.types.some((t) => HEARING_TYPES.includes(t))) return true;
  return (
    (p.types.includes('fine') && p.fineAmount >= threshold) ||
    ((p.types.includes('confiscateIncome') || p.types.includes('confiscateProperty')) &&
      p.confiscationAmount >= threshold)
  );
}

const rank = (t: PenaltyType) => PENALTY_TYPES[t].rank;

/**
 * Art 45: 行政机关不得因当事人陈述、申辩而给予更重的处罚. A decision is heavier than the notice when it
 * fines or confiscates more, or adds a kind at least as heavy as the heaviest notified. Returns the reason.
 */
export function heavierThan(decided: Penalty, notified: Penalty): string | null {
  if (decided.fineAmount > notified.fineAmount)
    return `罚款${decided.fineAmount}元超过告知的${notified.fineAmount}元`;
  if (decided.confiscationAmount > notified.confiscationAmount)
    return `没收金额${decided.confiscationAmount}元超过告知的${notified.confiscationAmount}元`;
  const top = Math.max(0, ...notified.types.map(rank));
  const added = decided.types.filter((t) => !notified.types.includes(t) && rank(t) >= top);
  if (added.length)
    return `增加了告知书未载明的处罚种类（${added.map((t) => PENALTY_TYPES[t].label).join('、')}）`;
  return null;
}

/** Art 72 (一): 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额. */
export function surcharge(fine: number, daysLate: number): number {
  if (daysLate <= 0 || fine <= 0) return 0;
  return Math.min(fine, Math.round(fine * 0.03 * daysLate * 100) / 100);
}

/** Whether a fine lies within the 裁量基准 row chosen; null when it does. */
export function outsideRange(row: DiscretionRow | undefined, fine: number): string | null {
  if (!row) return null;
  if (fine < row.minAmount || fine > row.maxAmount)
    return `罚款${fine}元不在裁量基准“${row.label}”的幅度（${row.minAmount}—${row.maxAmount}元）内`;
  return null;
}

/** A natural person's name on the portal: the surname and 某 (张三 → 张某, 欧阳娜娜 → 欧阳某). */
export function maskName(name: string): string {
  const n = name.trim();
  if (!n) return '';
  const compound = [
    '欧阳',
    '司马',
    '上官',
    '诸葛',
    '东方',
    '皇甫',
    '尉迟',
    '公孙',
    '慕容',
    '令狐',
    '夏侯',
    '宇文',
    '长孙',
  ];
  const surname = compound.find((s) => n.startsWith(s) && n.length > s.length) ?? n[0];
  return `${surname}某`;
}
