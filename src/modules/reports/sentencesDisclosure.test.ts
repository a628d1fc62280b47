// The report's sentences on 行政规范性文件 and 政务公开 (主动公开, 依申请公开), family by family, with
// nothing, one and many records, including requests overdue and unanswered at the end of the year
// (pure: each provider's facts from its counts). Exact text, or no sentence at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from '../../core/facts.ts';
import { documentFactsFrom, type DocumentCounts } from '../documents/facts.ts';
import { cleanupTotals } from '../documents/cleanup.ts';
import { publicationFactsFrom } from '../disclosure/publications/facts.ts';
import { requestFactsFrom } from '../disclosure/requests/facts.ts';
import { missesExpectation, periodEnd } from './facts.ts';

const said = (facts: Fact[]) => facts.filter((f) => f.sentence).map((f) => [f.key, f.sentence]);
const by = (facts: Fact[], key: string) => facts.find((f) => f.key === key)!;

const noDocs: DocumentCounts = {
  issued: 0,
  reviewed: 0,
  filed: 0,
  filedOnTime: 0,
  inForce: 0,
  abolished: 0,
  expired: 0,
  evaluated: 0,
  comments: 0,
  adopted: 0,
};
const noCleanup = cleanupTotals([]);

test('documents: nothing issued is one plain sentence (no "制发0件。本年度未制发" pair), no expectation', () => {
  const facts = documentFactsFrom(2025, '2025-12-31', noDocs, noCleanup);
  assert.deepEqual(said(facts), [['documents.issued', '2025年未制发行政规范性文件。']]);
  assert.ok(!facts.some(missesExpectation));
});

test('documents: one issued, reviewed and filed on time; in force as at 12月31日; comments', () => {
  const facts = documentFactsFrom(
    2025,
    '2025-12-31',
    {
      ...noDocs,
      issued: 1,
      reviewed: 1,
      filed: 1,
      filedOnTime: 1,
      inForce: 5,
      comments: 2,
      adopted: 1,
    },
    noCleanup,
  );
  assert.deepEqual(
    said(facts).map(([, s]) => s),
    [
      '2025年制发行政规范性文件1件，经合法性审核并按期报送备案。',
      '截至2025年12月31日，现行有效行政规范性文件5件。',
      '行政规范性文件草案公开征求意见，收到意见建议2条，采纳（含部分采纳）1条。',
    ],
  );
  assert.equal(
    by(facts, 'documents.inForce').records.query.inForceOn,
    '2025-12-31',
    'the list of the documents in force on that day',
  );
});

test('documents: many, one not reviewed (国办发〔2018〕115号), late and missing filings, ended ones, evaluations, 清理', () => {
  const cleanup = cleanupTotals([{ decision: 'keep' }, { decision: 'abolish' }]);
  const facts = documentFactsFrom(
    2025,
    '2025-12-31',
    {
      ...noDocs,
      issued: 4,
      reviewed: 3,
      filed: 3,
      filedOnTime: 2,
      inForce: 12,
      abolished: 2,
      expired: 1,
      evaluated: 3,
    },
    cleanup,
  );
  assert.deepEqual(
    said(facts).map(([, s]) => s),
    [
      '2025年制发行政规范性文件4件。',
      '本年制发的4件文件中，3件经合法性审核，占75%，1件未记录合法性审核意见。',
      '报送备案3件，其中按期报送2件，另有1件尚未报送备案。',
      '截至2025年12月31日，现行有效行政规范性文件12件。',
      '本年度废止行政规范性文件2件，另有1件失效。',
      cleanup.sentence,
      '完成对3件行政规范性文件的后评估。',
    ],
  );
  assert.deepEqual(
    facts.filter(missesExpectation).map((f) => f.key),
    ['documents.reviewedShare'],
  );
  const reviewed = documentFactsFrom(
    2026,
    '2026-06-30',
    { ...noDocs, issued: 2, reviewed: 2, filed: 2, filedOnTime: 1, inForce: 7, expired: 1 },
    noCleanup,
  );
  assert.deepEqual(
    said(reviewed).map(([, s]) => s),
    [
      '2026年制发行政规范性文件2件，均经合法性审核。',
      '报送备案2件，其中按期报送1件。',
      '截至2026年6月30日，现行有效行政规范性文件7件。',
      '本年度1件行政规范性文件失效。',
    ],
  );
  assert.equal(
    by(
      documentFactsFrom(2025, '2025-12-31', { ...noDocs, issued: 2, reviewed: 2 }, noCleanup),
      'documents.filedOnTime',
    ).sentence,
    '本年制发的2件文件尚未报送备案。',
  );
  assert.equal(
    by(
      documentFactsFrom(
        2025,
        '2025-12-31',
        { ...noDocs, issued: 1, reviewed: 1, filed: 1 },
        noCleanup,
      ),
      'documents.filedOnTime',
    ).sentence,
    '报送备案1件，超过备案期限报送。',
  );
  assert.equal(
    by(
      documentFactsFrom(
        2025,
        '2025-12-31',
        { ...noDocs, issued: 3, reviewed: 3, filed: 2, filedOnTime: 2 },
        noCleanup,
      ),
      'documents.filedOnTime',
    ).sentence,
    '报送备案2件，另有1件尚未报送备案。',
  );
  assert.equal(
    by(
      documentFactsFrom(2025, '2025-12-31', { ...noDocs, issued: 2 }, noCleanup),
      'documents.reviewedShare',
    ).sentence,
    '本年制发的2件文件均未记录合法性审核意见。',
    'no "0件经合法性审核"',
  );
  assert.equal(
    by(
      documentFactsFrom(
        2025,
        '2025-12-31',
        { ...noDocs, issued: 3, reviewed: 3, filed: 3, filedOnTime: 3 },
        noCleanup,
      ),
      'documents.issued',
    ).sentence,
    '2025年制发行政规范性文件3件，均经合法性审核并按期报送备案。',
  );
});

test('主动公开: nothing published says nothing of timeliness; one; many on time; many with late ones', () => {
  const none = publicationFactsFrom(2025, 0, 0, '', null);
  assert.deepEqual(
    said(none),
    [['disclosure.publications.total', '2025年未主动公开政府信息。']],
    'no "全部…及时公开", no "及时率0%"',
  );
  assert.deepEqual(
    said(publicationFactsFrom(2025, 1, 0, '政策文件1条', '2025-03-03')).map(([, s]) => s),
    [
      '2025年主动公开政府信息1条，其中政策文件1条。',
      '该条信息在形成或者变更之日起20个工作日内公开。',
      '于2025年3月3日更新政府信息公开指南。',
    ],
  );
  assert.deepEqual(
    said(publicationFactsFrom(2025, 6, 0, '规划计划4条、政策文件2条', null)).map(([, s]) => s),
    [
      '2025年主动公开政府信息6条，其中规划计划4条、政策文件2条。',
      '上述信息均在形成或者变更之日起20个工作日内公开。',
    ],
  );
  assert.deepEqual(
    said(publicationFactsFrom(2025, 6, 1, '规划计划4条、政策文件2条', '2025-12-05')).map(
      ([, s]) => s,
    ),
    [
      '2025年主动公开政府信息6条，其中规划计划4条、政策文件2条。',
      '有1条信息未在形成或者变更之日起20个工作日内公开。',
      '主动公开及时率83.3%。',
      '于2025年12月5日更新政府信息公开指南。',
    ],
  );
});

const yearEnd = periodEnd(2025, '2026-02-09');
const disclose = [{ outcome: 'disclose', n: 1 }];

test('依申请公开: nothing received is one plain sentence; one answered on time', () => {
  assert.deepEqual(
    said(requestFactsFrom(2025, yearEnd, { received: 0, answered: 0, onTime: 0, overdue: 0 }, [])),
    [['disclosure.requests.received', '2025年未收到政府信息公开申请。']],
  );
  const one = requestFactsFrom(
    2025,
    yearEnd,
    { received: 1, answered: 1, onTime: 1, overdue: 0 },
    disclose,
  );
  assert.deepEqual(
    said(one).map(([, s]) => s),
    [
      '2025年共收到政府信息公开申请1件。',
      '本年度作出答复1件，在法定期限内答复。',
      '本年度办结的1件申请中，予以公开1件，占100%。',
    ],
  );
  assert.equal(by(one, 'disclosure.requests.answeredOnTime').value, 100);
  // Received, still within the time limit at the end of the year: nothing to say about timeliness yet.
  assert.deepEqual(
    said(
      requestFactsFrom(2025, yearEnd, { received: 1, answered: 0, onTime: 0, overdue: 0 }, []),
    ).map(([, s]) => s),
    ['2025年共收到政府信息公开申请1件。'],
  );
});

test('依申请公开: open requests overdue at the end of the year are late — never "按期答复率100%" beside them', () => {
  const many = requestFactsFrom(
    2025,
    yearEnd,
    { received: 20, answered: 5, onTime: 5, overdue: 15 },
    [
      { outcome: 'disclose', n: 3 },
      { outcome: 'partial', n: 2 },
    ],
  );
  assert.equal(by(many, 'disclosure.requests.answeredOnTime').value, 25);
  assert.deepEqual(
    said(many).map(([, s]) => s),
    [
      '2025年共收到政府信息公开申请20件。',
      '本年度作出答复5件，均在法定期限内答复；截至2025年12月31日另有15件已超过答复期限尚未答复，按期答复率25%。',
      '本年度办结的5件申请中，予以公开3件，占60%。',
      '本年度办结的5件申请中，部分公开2件，占40%。',
    ],
  );
  assert.equal(by(many, 'disclosure.requests.overdue').value, 15);
  assert.deepEqual(by(many, 'disclosure.requests.overdue').records, {
    path: '/api/reports/step-records',
    query: { procedure: 'disclosureRequest', step: 'answer', kind: 'overdue', year: 2025 },
  });
  assert.equal(
    by(
      requestFactsFrom(2025, yearEnd, { received: 15, answered: 0, onTime: 0, overdue: 15 }, []),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '截至2025年12月31日，有15件申请已超过答复期限尚未答复，按期答复率0%。',
  );
  assert.equal(
    by(
      requestFactsFrom(2025, yearEnd, { received: 4, answered: 4, onTime: 3, overdue: 0 }, []),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '本年度作出答复4件，其中在法定期限内答复3件，按期答复率75%。',
  );
  assert.equal(
    by(
      requestFactsFrom(2025, yearEnd, { received: 4, answered: 4, onTime: 4, overdue: 0 }, []),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '本年度作出答复4件，均在法定期限内答复。',
  );
  assert.equal(
    by(
      requestFactsFrom(2025, yearEnd, { received: 4, answered: 2, onTime: 0, overdue: 0 }, []),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '本年度作出答复2件，均超过法定期限答复，按期答复率0%。',
    'no "其中在法定期限内答复0件"',
  );
  assert.equal(
    by(
      requestFactsFrom(2025, yearEnd, { received: 4, answered: 2, onTime: 1, overdue: 1 }, []),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '本年度作出答复2件，其中在法定期限内答复1件；截至2025年12月31日另有1件已超过答复期限尚未答复，按期答复率33.3%。',
  );
  // While the year runs, "as at" is today.
  assert.equal(
    by(
      requestFactsFrom(
        2026,
        periodEnd(2026, '2026-06-30'),
        { received: 3, answered: 1, onTime: 1, overdue: 1 },
        [],
      ),
      'disclosure.requests.answeredOnTime',
    ).sentence,
    '本年度作出答复1件，在法定期限内答复；截至2026年6月30日另有1件已超过答复期限尚未答复，按期答复率50%。',
  );
});

test('no generated sentence writes an ISO date', () => {
  const all = [
    ...documentFactsFrom(2025, '2025-12-31', { ...noDocs, issued: 2, inForce: 2 }, noCleanup),
    ...publicationFactsFrom(2025, 2, 0, '政策文件2条', '2025-12-05'),
    ...requestFactsFrom(
      2025,
      yearEnd,
      { received: 2, answered: 1, onTime: 1, overdue: 1 },
      disclose,
    ),
  ];
  for (const f of all) assert.doesNotMatch(`${f.sentence}${f.method}`, /\d{4}-\d{2}-\d{2}/, f.key);
});
