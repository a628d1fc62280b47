// Table 四 and the 法治年报 rates from fixture cases, against tables computed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableFourFrom } from './table4.ts';
import { litigationFactsFrom } from './facts.ts';
import type { LitigationRow } from './service.ts';
import type { HearingRow } from './records.ts';

let n = 0;
function row(p: Partial<LitigationRow>): LitigationRow {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    departmentId: 'd',
    orgId: 'o',
    kind: 'reconsideration',
    caseNo: `案${n}`,
    applicant: '申请人',
    body: '示范市人民政府',
    procedureType: 'ordinary',
    actModule: 'disclosureRequest',
    actRecordId: null,
    actTitle: '答复',
    filedOn: null,
    receivedOn: '2025-03-01',
    afterReconsideration: false,
    answeredOn: null,
    answerDue: null,
    answerLate: null,
    evidence: [],
    answerText: '',
    firstResult: null,
    firstResultOn: null,
    appealedOn: null,
    finalResult: null,
    finalResultOn: null,
    createdBy: null,
    createdAt: new Date(0),
    ...p,
  };
}

const R = (p: Partial<LitigationRow>) => row({ kind: 'reconsideration', ...p });
const S = (p: Partial<LitigationRow>) => row({ kind: 'lawsuit', procedureType: null, ...p });

// 2025 fixture: the cases received in 2025 (the report counts these, as at 2025-12-31).
const FIXTURE: LitigationRow[] = [
  R({
    firstResult: 'maintain',
    firstResultOn: '2025-04-20',
    answeredOn: '2025-03-10',
    answerLate: false,
  }),
  R({
    firstResult: 'reject',
    firstResultOn: '2025-05-20',
    answeredOn: '2025-03-12',
    answerLate: true,
  }),
  R({
    firstResult: 'revoke',
    firstResultOn: '2025-06-01',
    answeredOn: '2025-03-11',
    answerLate: false,
  }),
  R({ firstResult: 'terminate', firstResultOn: '2025-07-01' }),
  R({ receivedOn: '2025-12-01', firstResult: 'confirmIllegal', firstResultOn: '2026-01-20' }), // decided next year → 尚未审结
  R({ actModule: 'normativeDocument', firstResult: 'revoke', firstResultOn: '2025-08-01' }), // not a disclosure case
  R({ actModule: null, firstResult: 'change', firstResultOn: '2025-09-01' }), // not a disclosure case
  // Suits, 未经复议直接起诉:
  S({
    firstResult: 'rejectClaims',
    firstResultOn: '2025-06-10',
    answeredOn: '2025-03-10',
    answerLate: false,
  }),
  S({ firstResult: 'revoke', firstResultOn: '2025-06-11', appealedOn: '2025-06-20' }), // appeal pending → 尚未审结
  S({
    firstResult: 'revoke',
    firstResultOn: '2025-06-12',
    appealedOn: '2025-06-20',
    finalResult: 'rejectClaims',
    finalResultOn: '2025-11-01',
  }), // reversed on appeal → 维持
  S({ firstResult: 'withdrawn', firstResultOn: '2025-05-01' }),
  S({}),
  // Suits after 复议:
  S({
    afterReconsideration: true,
    firstResult: 'perform',
    firstResultOn: '2025-10-01',
    answeredOn: '2025-08-01',
    answerLate: true,
  }),
  S({
    afterReconsideration: true,
    receivedOn: '2024-12-20',
    firstResult: 'rejectClaims',
    firstResultOn: '2025-03-01',
  }), // received in 2024: not in 2025's table
];

test('table 四 of 2025 equals the table computed by hand', () => {
  assert.deepEqual(
    tableFourFrom(
      FIXTURE.filter((r) => r.receivedOn.startsWith('2025')),
      '2025-12-31',
    ),
    [
      // 行政复议: 维持 (maintain, reject) 2, 纠正 (revoke) 1, 其他 (terminate) 1, 尚未审结 1, 总计 5
      2,
      1, 1, 1, 5,
      // 未经复议直接起诉: 维持 2 (rejectClaims; revoke reversed on appeal), 纠正 0, 其他 1 (withdrawn), 尚未审结 2 (appeal pending, undecided), 总计 5
      2,
      0, 1, 2, 5,
      // 复议后起诉: 纠正 1 (perform), 总计 1
      0, 1, 0, 0, 1,
    ],
  );
  // As at an earlier date, the later results are not yet known.
  assert.deepEqual(
    tableFourFrom(
      FIXTURE.filter((r) => r.receivedOn.startsWith('2025')),
      '2025-05-31',
    ).slice(0, 5),
    [2, 0, 0, 3, 5],
    'maintain 4月20日 and reject 5月20日 known; revoke, terminate and the December case not yet',
  );
});

test('the rates of 2025 are computed from the records', () => {
  const hearings: HearingRow[] = [
    {
      id: 'a',
      caseNo: '1',
      kind: 'lawsuit',
      on: '2025-05-01',
      instance: 'first',
      headAppeared: true,
      delegate: null,
      hearingOn: null,
    },
    {
      id: 'b',
      caseNo: '2',
      kind: 'lawsuit',
      on: '2025-05-02',
      instance: 'first',
      headAppeared: true,
      delegate: null,
      hearingOn: null,
    },
    {
      id: 'c',
      caseNo: '3',
      kind: 'lawsuit',
      on: '2025-05-03',
      instance: 'first',
      headAppeared: false,
      delegate: '李静',
      hearingOn: null,
    },
  ];
  const facts = litigationFactsFrom(2025, '2026-03-01', FIXTURE, hearings);
  const f = (k: string) => facts.find((x) => x.key === `litigation.${k}`)!;
  assert.equal(f('reconsideration.received').value, 7);
  assert.equal(f('lawsuit.received').value, 6);
  // Decided in 2025: maintain, reject, revoke, terminate, revoke (document), change (other) = 6; corrected 3 → 50%.
  assert.equal(f('reconsideration.decided').value, 6);
  assert.equal(
    f('reconsideration.decided').sentence,
    '行政复议机关作出复议决定6件，其中维持2件、纠正3件、其他1件。',
  );
  assert.equal(f('reconsideration.correctionRate').value, 50);
  // Suits with a result in force dated 2025: rejectClaims (6/10), reversed (11/01), withdrawn, perform, rejectClaims (2024 case, 3/01) = 5; lost 1 → 20%.
  assert.equal(f('lawsuit.lossRate').value, 20);
  assert.equal(f('lawsuit.lossRate').sentence, '行政诉讼审结5件，败诉1件，败诉率20%。');
  assert.equal(f('headAppearanceRate').value, 66.7);
  assert.ok(f('headAppearanceRate').expect, 'below 100% is a shortfall');
  // Answered in 2025: 5, late 2 → 60%.
  assert.equal(f('answersOnTime').value, 60);
  assert.equal(f('answersLate').value, 2);
  assert.deepEqual(f('answersLate').records, {
    path: '/api/litigation',
    query: { answeredIn: 2025, late: true },
  });
  // Nothing to measure: no sentence and no shortfall.
  const empty = litigationFactsFrom(2025, '2026-03-01', [], []);
  assert.ok(empty.every((x) => x.sentence === '' && !x.expect));
});
