// The sentences the 法治政府建设年度报告 is drafted from, family by family, with nothing, one and many
// records (pure: each provider's facts from its counts). Exact text, or no sentence at all: a zero
// is not a sentence, 合法性审查 is never "not applicable", nothing contradicts the sentence beside
// it, dates are written 2025年12月31日, open requests overdue at the end of the year count as late.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from '../../core/facts.ts';
import { decisionFactsFrom, type DecisionCounts } from '../decisions/facts.ts';
import { meetingFactsFrom } from '../meetings/facts.ts';
import { reviewFactsFrom, type ReviewCounts } from '../reviews/facts.ts';
import { studyFactsFrom } from '../study/index.ts';
import { missesExpectation, periodEnd } from './facts.ts';

/** The sentences the draft prints, in order, by key (facts with an empty sentence are left out). */
const said = (facts: Fact[]) => facts.filter((f) => f.sentence).map((f) => [f.key, f.sentence]);
const by = (facts: Fact[], key: string) => facts.find((f) => f.key === key)!;

const noDecisions: DecisionCounts = {
  catalogued: 0,
  adjusted: 0,
  started: 0,
  outside: 0,
  made: 0,
  participation: 0,
  participationApplies: 0,
  expert: 0,
  expertApplies: 0,
  risk: 0,
  riskApplies: 0,
  reviewed: 0,
  published: 0,
  evaluated: 0,
  comments: 0,
  adopted: 0,
};

test('decisions: nothing decided is one plain sentence; no step is "not applicable", no "0项决策均经…"', () => {
  const facts = decisionFactsFrom(2025, noDecisions);
  assert.deepEqual(said(facts), [['decisions.made', '本年度未作出重大行政决策。']]);
  assert.ok(!facts.some(missesExpectation), 'nothing decided is no shortfall');
  assert.ok(!facts.some((f) => /不适用|0项/.test(f.sentence)));
});

test('decisions: one decision carries the procedures it went through', () => {
  const facts = decisionFactsFrom(2025, {
    ...noDecisions,
    catalogued: 1,
    started: 1,
    made: 1,
    participation: 1,
    participationApplies: 1,
    reviewed: 1,
    published: 1,
  });
  assert.deepEqual(said(facts), [
    ['decisions.catalogued', '公布2025年度重大行政决策事项目录，列入决策事项1项。'],
    ['decisions.made', '作出重大行政决策1项，履行了公众参与、合法性审查和集体讨论决定程序。'],
    [
      'decisions.published',
      '公布重大行政决策1项，同步说明公众意见、专家论证意见的采纳情况并进行解读。',
    ],
  ]);
  assert.equal(by(facts, 'decisions.reviewShare').value, 100);
  assert.equal(
    by(facts, 'decisions.expertShare').expect,
    undefined,
    'not a technical decision: no expectation',
  );
});

test('decisions: many, steps done by some, a step missed where it applied, 合法性审查 missed (713号 Art 25)', () => {
  const c = {
    ...noDecisions,
    catalogued: 4,
    adjusted: 1,
    started: 4,
    outside: 1,
    made: 3,
    participation: 3,
    participationApplies: 3,
    expert: 1,
    expertApplies: 1,
    risk: 1,
    riskApplies: 2,
    reviewed: 3,
    published: 2,
    evaluated: 1,
    comments: 12,
  };
  const facts = decisionFactsFrom(2025, c);
  assert.deepEqual(said(facts), [
    [
      'decisions.catalogued',
      '公布2025年度重大行政决策事项目录，列入决策事项4项，年内调整1次并向社会公布。',
    ],
    [
      'decisions.made',
      '作出重大行政决策3项（年内启动目录外事项1项，均记录了启动理由），均履行了公众参与、合法性审查和集体讨论决定程序，其中1项组织专家论证、1项开展风险评估。',
    ],
    ['decisions.riskShare', '应当开展风险评估的2项决策中，1项开展风险评估，占50%。'],
    ['decisions.comments', '重大行政决策草案公开征求意见，收到意见建议12条。'],
    [
      'decisions.published',
      '公布重大行政决策2项，同步说明公众意见、专家论证意见的采纳情况并进行解读。',
    ],
    ['decisions.evaluated', '对1项重大行政决策开展决策后评估。'],
  ]);
  assert.deepEqual(
    facts.filter(missesExpectation).map((f) => f.key),
    ['decisions.riskShare'],
  );
  const unreviewed = decisionFactsFrom(2025, { ...c, reviewed: 2, comments: 5, adopted: 2 });
  assert.equal(
    by(unreviewed, 'decisions.made').sentence,
    '作出重大行政决策3项（年内启动目录外事项1项，均记录了启动理由），均履行了公众参与和集体讨论决定程序，其中1项组织专家论证、1项开展风险评估、2项经合法性审查。',
  );
  assert.equal(
    by(unreviewed, 'decisions.reviewShare').sentence,
    '应当经合法性审查的3项决策中，2项经合法性审查，占66.7%。',
  );
  assert.equal(
    by(unreviewed, 'decisions.reviewShare').expect?.shortfall,
    '重大行政决策未全部经合法性审查',
  );
  assert.equal(
    by(decisionFactsFrom(2025, { ...c, risk: 0 }), 'decisions.riskShare').sentence,
    '应当开展风险评估的2项决策均未开展风险评估。',
    'no "0项开展风险评估"',
  );
  assert.equal(
    by(unreviewed, 'decisions.comments').sentence,
    '重大行政决策草案公开征求意见，收到意见建议5条，采纳（含部分采纳）2条。',
  );
});

test('meetings: none say nothing; one; many; 党组会 alone', () => {
  const none = {
    directors: 0,
    party: 0,
    topics: 0,
    publicTopics: 0,
    withPublic: 0,
    publicPeople: 0,
  };
  assert.deepEqual(said(meetingFactsFrom(2025, none)), []);
  assert.deepEqual(
    said(
      meetingFactsFrom(2025, { ...none, directors: 1, topics: 1, withPublic: 1, publicPeople: 1 }),
    ).map(([, s]) => s),
    ['召开局长办公会1期。', '会议研究议题1个。', '主动邀请公众代表列席会议1次。'],
  );
  assert.deepEqual(
    said(
      meetingFactsFrom(2025, {
        directors: 12,
        party: 4,
        topics: 30,
        publicTopics: 19,
        withPublic: 3,
        publicPeople: 5,
      }),
    ).map(([, s]) => s),
    [
      '召开局长办公会12期、党组会4次。',
      '会议研究议题30个，其中向社会公开议题19个。',
      '主动邀请公众代表列席会议3次，共5人次。',
    ],
  );
  assert.deepEqual(said(meetingFactsFrom(2025, { ...none, party: 2, topics: 3 })), [
    ['meetings.partyGroup', '召开党组会2次。'],
    ['meetings.topics', '会议研究议题3个。'],
  ]);
});

test('legality review matters: none say nothing; one; many (types named once, figures first)', () => {
  const none: ReviewCounts = {
    byType: {},
    opinions: 0,
    opinionMatters: 0,
    adopted: 0,
    partly: 0,
    marked: 0,
    external: 0,
    government: 0,
  };
  assert.deepEqual(said(reviewFactsFrom(2025, none)), []);
  assert.deepEqual(
    said(
      reviewFactsFrom(2025, {
        ...none,
        byType: { majorDecision: 1 },
        opinions: 1,
        opinionMatters: 1,
        adopted: 1,
        marked: 1,
        external: 1,
      }),
    ).map(([, s]) => s),
    [
      '2025年完成合法性审查事项1件，其中重大行政决策1件。',
      '法律顾问、公职律师和法制审核人员对1个事项提出法审意见1条。',
      '送审单位采纳法审意见1条，采纳率（含部分采纳）100%。',
      '聘请法律顾问1名参与合法性审查。',
    ],
  );
  assert.deepEqual(
    said(
      reviewFactsFrom(2025, {
        byType: { normativeDocument: 3, contract: 40, majorDecision: 2 },
        opinions: 120,
        opinionMatters: 45,
        adopted: 80,
        partly: 10,
        marked: 100,
        external: 2,
        government: 3,
      }),
    ).map(([, s]) => s),
    [
      '2025年完成合法性审查事项45件，其中重大行政决策2件、行政规范性文件3件、合同协议40件。',
      '法律顾问、公职律师和法制审核人员对45个事项提出法审意见120条。',
      '送审单位采纳法审意见90条（其中部分采纳10条），采纳率（含部分采纳）90%（按已反馈的100条计）。',
      '聘请法律顾问和公职律师5名（法律顾问2名、公职律师3名）参与合法性审查。',
    ],
  );
  assert.deepEqual(
    said(reviewFactsFrom(2025, { ...none, opinions: 2, opinionMatters: 1, marked: 2 })).map(
      ([, s]) => s,
    ),
    ['法律顾问、公职律师和法制审核人员对1个事项提出法审意见2条。'],
    'none adopted: no "采纳0条"',
  );
  assert.equal(
    reviewFactsFrom(2025, {
      ...none,
      opinions: 5,
      opinionMatters: 3,
      adopted: 1,
      partly: 1,
      marked: 2,
    }).find((f) => f.key === 'reviews.opinionsAdopted')!.sentence,
    '送审单位采纳法审意见2条（其中部分采纳1条），采纳率（含部分采纳）100%（按已反馈的2条计）。',
  );
});

test('study and 述法 (part 三): none are named plainly; one; many', () => {
  const none = { sessions: 0, minutes: 0, led: 0, preMeeting: 0, statements: 0, heads: 0 };
  const zero = studyFactsFrom(2025, none, 4);
  assert.deepEqual(
    said(zero).map(([, s]) => s),
    ['2025年未记录领导干部学法活动。', '2025年未记录领导干部述法。'],
  );
  assert.deepEqual(
    zero.filter(missesExpectation).map((f) => f.key),
    ['study.sessions', 'study.dutyStatements'],
  );
  assert.deepEqual(
    said(
      studyFactsFrom(
        2025,
        { sessions: 1, minutes: 45, led: 0, preMeeting: 0, statements: 1, heads: 1 },
        4,
      ),
    ).map(([, s]) => s),
    ['2025年组织领导干部学法1次，累计0.8小时。', '主要负责人进行了年度述法。'],
  );
  assert.deepEqual(
    said(
      studyFactsFrom(
        2025,
        { sessions: 5, minutes: 330, led: 2, preMeeting: 3, statements: 4, heads: 1 },
        4,
      ),
    ).map(([, s]) => s),
    [
      '2025年组织领导干部学法5次，累计5.5小时，其中会前学法3次。',
      '主要负责人主持或讲授法治专题学习2次。',
      '4名领导干部进行了年度述法，其中主要负责人1名。',
    ],
  );
  assert.equal(
    by(studyFactsFrom(2025, { ...none, statements: 3 }, 4), 'study.dutyStatements').sentence,
    '3名领导班子成员进行了年度述法。',
  );
});

test('the end of the period: 12月31日 once the year is over, today while it runs', () => {
  assert.deepEqual(periodEnd(2025, '2026-02-09'), { asOf: '2025-12-31', cutoff: '2026-01-01' });
  assert.deepEqual(periodEnd(2025, '2025-12-31'), { asOf: '2025-12-31', cutoff: '2025-12-31' });
  assert.deepEqual(periodEnd(2026, '2026-06-30'), { asOf: '2026-06-30', cutoff: '2026-06-30' });
});
