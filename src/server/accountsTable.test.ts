import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignColumns, displayWidth } from './accountsTable.ts';

test('display width: CJK and full-width characters take two cells', () => {
  assert.equal(displayWidth('staff'), 5);
  assert.equal(displayWidth('审计管理员'), 10);
  assert.equal(displayWidth('法律顾问/公职律师'), 17);
  assert.equal(displayWidth('王晓明（高新技术科）'), 20);
});

test('the demo-accounts table lines up whatever the mix of Chinese and ASCII', () => {
  const lines = alignColumns([
    ['业务科室工作人员', 'staff', 'Kn4-AyXxUAgnuf', '王晓明（高新技术科）'],
    ['法律顾问/公职律师', 'advisor', '（已由本人修改 / changed by its owner）', '陈律师'],
    ['局领导', 'a-very-long-username', 'Mh9-kHk9antgxF', '张建国'],
  ]);
  // Every column starts at the same display offset on every line.
  const starts = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)));
  const col = (i: number, cells: string[]) => new Set(cells.map((c, r) => starts(lines[r], c)));
  assert.equal(col(1, ['staff', 'advisor', 'a-very-long-username']).size, 1);
  assert.equal(col(2, ['Kn4-AyXxUAgnuf', '（已由本人修改', 'Mh9-kHk9antgxF']).size, 1);
  assert.equal(col(3, ['王晓明', '陈律师', '张建国']).size, 1);
});
