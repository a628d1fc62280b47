import { randomBytes, scrypt, timingSafeEqual, randomInt } from 'node:crypto';
import { isCommonPassword } from './commonPasswords.ts';

/**
 * scrypt parameters. Production: N = 2^15, r = 8, p = 1 (needs 32 MiB, above Node's 32 MiB default
 * maxmem: DESIGN pitfalls). FAZHI_SCRYPT_COST=test (set by scripts/test.mjs for the test processes
 * only) uses N = 2^10 so that the suite's hundreds of accounts hash quickly. The parameters are
 * stored in every hash (`scrypt$N$r$p$salt$key`), so a hash verifies whatever cost it was made with.
 */
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}
export const PRODUCTION_COST: ScryptCost = { n: 1 << 15, r: 8, p: 1 };
const TEST_COST: ScryptCost = { n: 1 << 10, r: 8, p: 1 };
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

export function scryptCost(env: NodeJS.ProcessEnv = process.env): ScryptCost {
  const v = env.FAZHI_SCRYPT_COST;
  if (!v || v === 'production') return PRODUCTION_COST;
  if (v === 'test') return TEST_COST;
  throw new Error(`FAZHI_SCRYPT_COST must be "test" or unset: ${v}`);
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEYLEN,
      { N: cost.n, r: cost.r, p: cost.p, maxmem: MAXMEM },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = scryptCost(),
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    n: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Verified against when the username is unknown, so that an unknown name costs the same scrypt as a
// wrong password (made once per process, with the current cost).
let dummy: Promise<string> | null = null;
export const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(randomBytes(12).toString('base64')));

/**
 * 等保2.0 (GB/T 22239-2019 8.1.4.1 a: 口令具有复杂度要求): at least `minLength` characters from at
 * least 3 of 4 classes, not a common password (the bundled list, also with its trailing digits and
 * symbols taken off), not containing the username. Returns a Chinese reason or null.
 */
export function passwordProblem(
  password: string,
  opts: { minLength: number; username?: string },
): string | null {
  if (password.length < opts.minLength) return `密码长度至少 ${opts.minLength} 位`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  const name = opts.username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return '不能包含用户名';
  if (isCommonPassword(password))
    return '过于常见（如 Password1、P@ssw0rd、woaini1314），容易被猜中，请换一个';
  return null;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** A random initial password that satisfies the policy; the user must change it at first login. */
export function generateInitialPassword(): string {
  const pick = (chars: string) => chars[randomInt(chars.length)];
  const body = Array.from({ length: 10 }, () => pick(ALPHABET)).join('');
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}${pick('abcdefghijkmnpqrstuvwxyz')}${pick('23456789')}-${body}`;
}
