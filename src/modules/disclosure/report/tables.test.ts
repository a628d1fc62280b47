import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISCLOSURE_OUTCOMES } from '../outcomes.ts';
import { buildTable3, checkTable3, checkTable4, TABLE3_KEYS, APPLICANT_COLUMNS } from './tables.ts';

// The exact printed row labels of table 三 (RULES §5.6), in order.
const ROWS: Array<[key: string, label: string, group: string]> = [
  ['received', '一、本年新收政府信息公开申请数量', ''],
  ['carriedIn', '二、上年结转政府信息公开申请数量', ''],
  ['disclose', '（一）予以公开', ''],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['withhold_secret', '1.属于国家秘密', '（三）不予公开'],
  ['withhold_law', '2.其他法律行政法规禁止公开', '（三）不予公开'],
  ['withhold_safety', '3.危及“三安全一稳定”', '（三）不予公开'],
  ['withhold_thirdParty', '4.保护第三方合法权益', '（三）不予公开'],
  ['withhold_internal', '5.属于三类内部事务信息', '（三）不予公开'],
  ['withhold_process', '6.属于四类过程性信息', '（三）不予公开'],
  ['withhold_enforcement', '7.属于行政执法案卷', '（三）不予公开'],
  ['withhold_query', '8.属于行政查询事项', '（三）不予公开'],
  ['unable_notHeld', '1.本机关不掌握相关政府信息', '（四）无法提供'],
  ['unable_needsCreation', '2.没有现成信息需要另行制作', '（四）无法提供'],
  ['unable_unclear', '3.补正后申请内容仍不明确', '（四）无法提供'],
  ['reject_petition', '1.信访举报投诉类申请', '（五）不予处理'],
  ['reject_repeat', '2.重复申请', '（五）不予处理'],
  ['reject_publication', '3.要求提供公开出版物', '（五）不予处理'],
  ['reject_excessive', '4.无正当理由大量反复申请', '（五）不予处理'],
  ['reject_confirm', '5.要求行政机关确认或重新出具已获取信息', '（五）不予处理'],
  ['other1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）其他处理'],
  [
    'other2',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）其他处理',
  ],
  ['other3', '3.其他', '（六）其他处理'],
  ['resultTotal', '（七）总计', ''],
  ['carriedOut', '四、结转下年度继续办理', ''],
];

test('table 三 has 25 rows × 7 columns with the printed labels, one row per outcome code', () => {
  const rows = buildTable3({ received: {}, carriedIn: {}, results: {}, carriedOut: {} });
  assert.equal(rows.length, 25);
  assert.deepEqual(
    TABLE3_KEYS,
    ROWS.map((r) => r[0]),
  );
  rows.forEach((r, i) => {
    assert.equal(r.key, ROWS[i][0]);
    assert.equal(r.label, ROWS[i][1]);
    assert.equal(r.group, ROWS[i][2]);
    assert.equal(r.cells.length, 7);
  });
  assert.equal(new Set(DISCLOSURE_OUTCOMES.map((o) => o.code)).size, 21);
});

test('every outcome code counts in exactly its own row and column', () => {
  for (const o of DISCLOSURE_OUTCOMES) {
    for (const [ci, col] of APPLICANT_COLUMNS.entries()) {
      const rows = buildTable3({
        received: { [col]: 1 },
        carriedIn: {},
        results: { [o.code]: { [col]: 1 } },
        carriedOut: {},
      });
      const hits = rows.filter(
        (r) => r.key !== 'received' && r.key !== 'resultTotal' && r.cells.some((c) => c > 0),
      );
      assert.deepEqual(
        hits.map((r) => r.key),
        [o.code],
        o.code,
      );
      assert.equal(hits[0].cells[ci], 1);
      assert.equal(hits[0].cells[6], 1, '总计 column');
      assert.equal(rows.find((r) => r.key === 'resultTotal')!.cells[ci], 1);
      assert.deepEqual(checkTable3(rows), []);
    }
  }
});

test('勾稽: a balanced table passes; each broken identity is reported for its column', () => {
  const rows = buildTable3({
    received: { naturalPerson: 5, business: 2 },
    carriedIn: { naturalPerson: 1 },
    results: {
      disclose: { naturalPerson: 3 },
      partial: { business: 1 },
      other1: { naturalPerson: 1 },
    },
    carriedOut: { naturalPerson: 2, business: 1 },
  });
  assert.deepEqual(checkTable3(rows), []);
  assert.deepEqual(checkTable3(rows, [1, 0, 0, 0, 0, 0, 1]), []);

  const unbalanced = rows.map((r) =>
    r.key === 'carriedOut' ? { ...r, cells: [3, 1, 0, 0, 0, 0, 4] } : r,
  );
  const v1 = checkTable3(unbalanced);
  assert.deepEqual(
    v1.map((v) => [v.rule, v.column]),
    [
      ['balance', '自然人'],
      ['balance', '总计'],
    ],
  );
  assert.match(v1[0].message, /第一项加第二项之和（6）不等于第三项加第四项之和（7）/);

  const badTotal = rows.map((r) =>
    r.key === 'resultTotal' ? { ...r, cells: [5, 1, 0, 0, 0, 0, 6] } : r,
  );
  assert.ok(checkTable3(badTotal).some((v) => v.rule === 'resultTotal' && v.column === '自然人'));

  const badRow = rows.map((r) =>
    r.key === 'received' ? { ...r, cells: [5, 2, 0, 0, 0, 0, 8] } : r,
  );
  assert.ok(
    checkTable3(badRow).some(
      (v) => v.rule === 'columnTotal' && v.row === '一、本年新收政府信息公开申请数量',
    ),
  );

  const carry = checkTable3(rows, [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(
    carry.map((v) => v.column),
    ['自然人', '总计'],
  );
  assert.ok(carry.every((v) => v.rule === 'carryOver'));
});

test('table 四: each 总计 is the sum of its four cells', () => {
  assert.deepEqual(checkTable4([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]), []);
  const v = checkTable4([1, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  assert.equal(v.length, 1);
  assert.equal(v[0].column, '行政复议');
});
