import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perPageFee, perRequestFee, quoteFee } from './fees.ts';

test('按件计收: per applicant per natural month (国办函〔2020〕109号)', () => {
  const table: Array<[number, number]> = [
    [1, 0],
    [10, 0],
    [11, 100],
    [20, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [100, 800],
  ];
  for (const [n, fee] of table) assert.equal(perRequestFee(n), fee, `request #${n}`);
  assert.throws(() => perRequestFee(0), RangeError);
});

test('按量计收: per page, counted per band', () => {
  const table: Array<[number, number]> = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ];
  for (const [pages, fee] of table) assert.equal(perPageFee(pages), fee, `${pages} pages`);
  assert.throws(() => perPageFee(-1), RangeError);
  assert.throws(() => perPageFee(1.5), RangeError);
});

test('a quote names its method and basis', () => {
  assert.deepEqual(quoteFee('perRequest', { ordinal: 12 }).amount, 100);
  assert.match(quoteFee('perPage', { pages: 40 }).basis, /共40页/);
  assert.equal(quoteFee('perPage', { pages: 40 }).amount, 100);
});
