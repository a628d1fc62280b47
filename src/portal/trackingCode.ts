// The tracking code (查询码) the portal's sections hand out — a 依申请公开 request, a 网民留言, a 信访
// matter — and look up (portal/tracking.tsx): its making, its format and its tolerant reading.
import { randomBytes } from 'node:crypto';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new code: 20 random bytes (160 bits, not guessable) as lowercase base32, 32 characters. */
export function newTrackingCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const TRACKING_CODE_RE = /^[a-z2-7]{32}$/;
export const MALFORMED_CODE_MESSAGE = '查询码应为32位字母和数字，请核对后重新输入。';

/** Codes are shown in groups of four; accept them with spaces, dashes or in capitals. */
export const normaliseTrackingCode = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');
