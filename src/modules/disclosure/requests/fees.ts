/**
 * 信息处理费 (国办函〔2020〕109号, RULES §5.4 fee schedule). Pure functions; amounts in yuan.
 * One method per request: 按件 or 按量, never both.
 */

/**
 * 按件计收: the fee for the applicant's `ordinal`-th request in one natural month.
 * 1–10 free; 11–30 ¥100 each; from 31 the fee rises ¥100 for each further tier of 10
 * (31–40 ¥200, 41–50 ¥300, …) — 超额累进.
 */
export function perRequestFee(ordinal: number): number {
  if (!Number.isInteger(ordinal) || ordinal < 1)
    throw new RangeError('ordinal must be a positive integer');
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 + 100 * Math.ceil((ordinal - 30) / 10);
}

/**
 * 按量计收 (paper, email or data copies): the fee for one request of `pages` pages.
 * Pages 1–30 free; pages 31–100 ¥10 each; 101–200 ¥20 each; from 201 ¥40 each (counted per band).
 */
export function perPageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0)
    throw new RangeError('pages must be a non-negative integer');
  const band = (from: number, to: number, price: number) =>
    Math.max(0, Math.min(pages, to) - (from - 1)) * price;
  return band(31, 100, 10) + band(101, 200, 20) + band(201, Infinity, 40);
}

export type FeeMethod = 'perRequest' | 'perPage';

export interface FeeQuote {
  method: FeeMethod;
  amount: number;
  basis: string;
}

/** The quote shown to staff before a fee notice; `ordinal` = the request's rank this month for the applicant. */
export function quoteFee(method: FeeMethod, input: { ordinal?: number; pages?: number }): FeeQuote {
  if (method === 'perRequest') {
    const n = input.ordinal ?? 1;
    return {
      method,
      amount: perRequestFee(n),
      basis: `按件计收：该申请人本自然月第${n}件申请（10件以内免费，11—30件每件100元，31件起每增加10件每件增加100元）`,
    };
  }
  const p = input.pages ?? 0;
  return {
    method,
    amount: perPageFee(p),
    basis: `按量计收：共${p}页（30页以内免费，31—100页每页10元，101—200页每页20元，201页以上每页40元）`,
  };
}
