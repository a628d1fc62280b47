/**
 * The 双随机 draw (RULES §8.3), pure and reproducible. Anyone can re-run it from what the portal
 * publishes (the commitment, the nonce revealed after the draw, the draw time, the snapshot file):
 *
 *  1. Before the draw the department publishes `commitment = sha256(nonce)` (hex) of a random secret
 *     nonce (32 random bytes, hex). It cannot then choose a nonce that favours a result.
 *  2. At the draw the candidates are frozen in the SNAPSHOT: a UTF-8 JSON text (the file published as
 *     is) `{"v":1,"plan":…,"ratio":…,"quantity":…,"perTarget":…,"stratify":…,"targets":[[creditCode,
 *     name,category,risk],…] (sorted by credit code),"inspectors":[[officerId,name,certificateNo],…]
 *     (sorted by certificate number),"conflicts":[[officerId,creditCode],…] (distinct, sorted by
 *     "officerId|creditCode")}`;
 *     `snapshotHash = sha256(snapshot text)`. Any change to a candidate changes the hash.
 *  3. `seed = sha256(nonce + drawnAt + snapshotHash)` (string concatenation; drawnAt is the ISO 8601
 *     instant of the draw, e.g. 2025-03-03T02:00:00.000Z).
 *  4. PRNG: xoshiro128** seeded with the first 16 bytes of the seed as four big-endian uint32; a
 *     uniform index below n is floor(next() / 2^32 * n).
 *  5. Targets: per stratum (all targets, or by category / risk level, strata in code-point order of
 *     their key), k = ceil(n × ratio / 100) (at least `quantity` × n / N when a planned number is set,
 *     rounded up), chosen by a partial Fisher–Yates shuffle over the stratum in snapshot order.
 *  6. Inspectors: for each chosen target in order, `perTarget` distinct inspectors by rejection sampling
 *     over the inspector list, skipping those with a recorded conflict (回避) for that target.
 *
 * The result is `[{c: creditCode, i: [officerId, …]}, …]` in the order drawn.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';

export type SnapshotTarget = [creditCode: string, name: string, category: string, risk: string];
export type SnapshotInspector = [officerId: string, name: string, certificateNo: string];
export interface Snapshot {
  v: 1;
  plan: string;
  ratio: number;
  quantity: number | null;
  perTarget: number;
  stratify: 'none' | 'category' | 'risk';
  targets: SnapshotTarget[];
  inspectors: SnapshotInspector[];
  conflicts: Array<[officerId: string, creditCode: string]>;
}
export type DrawResult = Array<{ c: string; i: string[] }>;

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const byFirst = <T extends string[]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** A sorted copy (no sort when the input is already in order, as lists read in index order are). */
function sorted<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++)
    if (cmp(list[i - 1], list[i]) > 0) return [...list].sort(cmp);
  return list;
}

/** The canonical snapshot (sorted, distinct conflicts, fixed key order) and its text: the exact bytes hashed and published. */
export function canonicalSnapshot(s: Omit<Snapshot, 'v'>): { snapshot: Snapshot; text: string } {
  const targets = sorted(s.targets, byFirst);
  const inspectors = sorted(s.inspectors, (a, b) =>
    a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : byFirst(a, b),
  );
  const conflicts = [...new Map(s.conflicts.map((c) => [`${c[0]}|${c[1]}`, c])).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((e) => e[1]);
  const snapshot: Snapshot = {
    v: 1,
    plan: s.plan,
    ratio: s.ratio,
    quantity: s.quantity,
    perTarget: s.perTarget,
    stratify: s.stratify,
    targets,
    inspectors,
    conflicts,
  };
  return { snapshot, text: JSON.stringify(snapshot) };
}

export const snapshotText = (s: Omit<Snapshot, 'v'>): string => canonicalSnapshot(s).text;

export const drawSeed = (nonce: string, drawnAt: string, snapshotHash: string) =>
  sha256(nonce + drawnAt + snapshotHash);

/** xoshiro128** (Blackman & Vigna), 32-bit outputs. */
export function prng(seedHex: string): () => number {
  const s = new Uint32Array(4);
  for (let k = 0; k < 4; k++) s[k] = parseInt(seedHex.slice(k * 8, k * 8 + 8), 16) >>> 0;
  if (!(s[0] | s[1] | s[2] | s[3])) s[0] = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
}
const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

const refuse = (message: string): never => {
  throw new AppError('ACTION_NOT_ALLOWED', message);
};

/** Runs the draw on a parsed snapshot with a seed (pure; the same inputs give the same result). */
export function runDraw(s: Snapshot, seedHex: string): DrawResult {
  const next = prng(seedHex);
  const below = (n: number) => Math.floor((next() / 4294967296) * n);
  const N = s.targets.length;
  if (!N) refuse('检查对象名录库中没有符合本计划范围的检查对象，不能抽取');
  if (s.perTarget < 2) refuse('每个检查对象至少应抽取2名执法检查人员（行政处罚法第四十二条）');
  if (s.quantity && s.quantity > N)
    refuse(`检查对象不足：本计划范围内只有${N}家检查对象，计划抽查${s.quantity}家`);
  if (s.inspectors.length < s.perTarget)
    refuse(
      `执法检查人员不足：名录库中持有效执法证的在岗人员只有${s.inspectors.length}名，每个检查对象需要${s.perTarget}名`,
    );
  // Strata in code-point order of their key; targets keep snapshot order within a stratum.
  const key = (t: SnapshotTarget) =>
    s.stratify === 'category' ? t[2] : s.stratify === 'risk' ? t[3] : '';
  const strata = new Map<string, number[]>();
  s.targets.forEach((t, idx) => {
    const k = key(t);
    const list = strata.get(k);
    if (list) list.push(idx);
    else strata.set(k, [idx]);
  });
  const chosen: number[] = [];
  for (const k of [...strata.keys()].sort()) {
    const list = strata.get(k)!;
    const byRatio = Math.ceil((list.length * s.ratio) / 100 - 1e-9);
    const byQuantity = s.quantity ? Math.ceil((s.quantity * list.length) / N - 1e-9) : 0;
    const count = Math.min(list.length, Math.max(byRatio, byQuantity, 1));
    for (let i = 0; i < count; i++) {
      const j = i + below(list.length - i);
      const tmp = list[i];
      list[i] = list[j];
      list[j] = tmp;
      chosen.push(list[i]);
    }
  }
  // 回避: officer index sets per credit code.
  const officerIndex = new Map(s.inspectors.map((o, idx) => [o[0], idx]));
  const excluded = new Map<string, Set<number>>();
  for (const [officerId, code] of s.conflicts) {
    const idx = officerIndex.get(officerId);
    if (idx === undefined) continue;
    const set = excluded.get(code) ?? new Set<number>();
    set.add(idx);
    excluded.set(code, set);
  }
  const M = s.inspectors.length;
  return chosen.map((ti) => {
    const t = s.targets[ti];
    const out = excluded.get(t[0]);
    const available = M - (out?.size ?? 0);
    if (available < s.perTarget)
      refuse(
        `执法检查人员不足：${t[1]}（${t[0]}）回避后可抽取的执法人员只有${available}名，少于每户${s.perTarget}名`,
      );
    const picked: number[] = [];
    if (available <= s.perTarget * 2) {
      // Few left: shuffle the available ones (rejection sampling would spin).
      const pool = [...Array(M).keys()].filter((i) => !out?.has(i));
      for (let i = 0; i < s.perTarget; i++) {
        const j = i + below(pool.length - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
        picked.push(pool[i]);
      }
    } else {
      while (picked.length < s.perTarget) {
        const i = below(M);
        if (out?.has(i) || picked.includes(i)) continue;
        picked.push(i);
      }
    }
    return { c: t[0], i: picked.map((i) => s.inspectors[i][0]) };
  });
}

/**
 * Re-runs a published draw: checks the commitment against the nonce and the hash against the snapshot
 * text, recomputes the seed and the result. Throws with the reason when anything does not match.
 */
export function verifyDraw(input: {
  commitment: string;
  nonce: string;
  drawnAt: string;
  snapshot: string;
  snapshotHash: string;
  seed: string;
}): { result: DrawResult; seed: string; snapshotHash: string } {
  if (sha256(input.nonce) !== input.commitment) refuse('复核失败：随机数与抽取前公布的承诺值不符');
  const snapshotHash = sha256(input.snapshot);
  if (snapshotHash !== input.snapshotHash) refuse('复核失败：候选名单快照的哈希值与公布的不符');
  const seed = drawSeed(input.nonce, input.drawnAt, snapshotHash);
  if (seed !== input.seed) refuse('复核失败：随机种子与公布的不符');
  return { result: runDraw(JSON.parse(input.snapshot) as Snapshot, seed), seed, snapshotHash };
}
