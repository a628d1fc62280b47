// The draw is pure and reproducible: same seed and snapshot → same result; any change to the snapshot
// → a different hash; conflicts are never drawn; too few candidates or inspectors are refused in Chinese.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  drawSeed,
  runDraw,
  sha256,
  snapshotText,
  verifyDraw,
  type Snapshot,
  type SnapshotTarget,
} from './draw.ts';

const targets = (n: number): SnapshotTarget[] =>
  Array.from({ length: n }, (_, i) => [
    `91110000MA${String(i).padStart(8, '0')}`,
    `企业${i}`,
    i % 3 ? '制造业' : '服务业',
    i % 5 ? 'low' : 'high',
  ]);
const inspectors = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      [`officer-${i}`, `执法${i}`, `CERT-${String(i).padStart(4, '0')}`] as [
        string,
        string,
        string,
      ],
  );
const base = {
  plan: 'p1',
  ratio: 10,
  quantity: null,
  perTarget: 2,
  stratify: 'none' as const,
  targets: targets(200),
  inspectors: inspectors(10),
  conflicts: [] as Array<[string, string]>,
};
const parsed = (text: string) => JSON.parse(text) as Snapshot;
const nonce = 'a'.repeat(64);

test('same seed and snapshot give the same result; the published data re-run verifies', () => {
  const text = snapshotText(base);
  const hash = sha256(text);
  const seed = drawSeed(nonce, '2025-03-03T02:00:00.000Z', hash);
  const a = runDraw(parsed(text), seed);
  const b = runDraw(parsed(snapshotText({ ...base, targets: [...base.targets].reverse() })), seed);
  assert.deepEqual(a, b, 'input order does not matter: the snapshot is canonical');
  assert.equal(a.length, 20);
  assert.equal(new Set(a.map((r) => r.c)).size, 20);
  for (const r of a) assert.equal(new Set(r.i).size, 2);
  const v = verifyDraw({
    commitment: sha256(nonce),
    nonce,
    drawnAt: '2025-03-03T02:00:00.000Z',
    snapshot: text,
    snapshotHash: hash,
    seed,
  });
  assert.deepEqual(v.result, a);
  const other = runDraw(parsed(text), drawSeed('b'.repeat(64), '2025-03-03T02:00:00.000Z', hash));
  assert.notDeepEqual(other, a, 'another nonce draws differently');
  assert.throws(
    () =>
      verifyDraw({
        commitment: sha256('x'),
        nonce,
        drawnAt: '2025-03-03T02:00:00.000Z',
        snapshot: text,
        snapshotHash: hash,
        seed,
      }),
    /承诺值不符/,
  );
  assert.throws(
    () =>
      verifyDraw({
        commitment: sha256(nonce),
        nonce,
        drawnAt: '2025-03-03T02:00:00.000Z',
        snapshot: text.replace('企业7"', '企业七"'),
        snapshotHash: hash,
        seed,
      }),
    /哈希值与公布的不符/,
  );
});

test('any change to the snapshot changes its hash', () => {
  const h = sha256(snapshotText(base));
  const changed = base.targets.map((t, i) =>
    i === 99 ? ([t[0], t[1], t[2], 'medium'] as SnapshotTarget) : t,
  );
  assert.notEqual(sha256(snapshotText({ ...base, targets: changed })), h);
  assert.notEqual(sha256(snapshotText({ ...base, inspectors: base.inspectors.slice(1) })), h);
  assert.notEqual(
    sha256(snapshotText({ ...base, conflicts: [['officer-1', base.targets[0][0]]] })),
    h,
  );
  assert.notEqual(sha256(snapshotText({ ...base, ratio: 11 })), h);
});

test('conflicts are excluded; stratified draws take every stratum', () => {
  // Officers 0–7 have a conflict with every target: only 8 and 9 remain.
  const conflicts = base.targets.flatMap((t) =>
    [0, 1, 2, 3, 4, 5, 6, 7].map((o) => [`officer-${o}`, t[0]] as [string, string]),
  );
  const text = snapshotText({ ...base, conflicts, stratify: 'category' });
  const r = runDraw(parsed(text), sha256('seed'));
  for (const x of r) assert.deepEqual([...x.i].sort(), ['officer-8', 'officer-9']);
  const cats = new Set(r.map((x) => base.targets.find((t) => t[0] === x.c)![2]));
  assert.deepEqual([...cats].sort(), ['制造业', '服务业']);
});

test('too few candidates or inspectors: clear Chinese errors', () => {
  assert.throws(
    () => runDraw(parsed(snapshotText({ ...base, targets: [] })), sha256('s')),
    /没有符合本计划范围的检查对象/,
  );
  assert.throws(
    () => runDraw(parsed(snapshotText({ ...base, quantity: 500 })), sha256('s')),
    /本计划范围内只有200家检查对象，计划抽查500家/,
  );
  assert.throws(
    () => runDraw(parsed(snapshotText({ ...base, inspectors: inspectors(1) })), sha256('s')),
    /只有1名，每个检查对象需要2名/,
  );
  const conflicts: Array<[string, string]> = inspectors(9).map((o) => [o[0], base.targets[5][0]]);
  assert.throws(
    () => runDraw(parsed(snapshotText({ ...base, ratio: 100, conflicts })), sha256('s')),
    /企业5.*回避后可抽取的执法人员只有1名/,
  );
});
