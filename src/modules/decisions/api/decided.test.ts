// 重大行政决策 through the staff API on a real database, from the decision on: the collective decision
// at a held meeting, publication (party report first, Art 31), append-only evidence, post-evaluation
// independence (Art 36), the archive with its audit proofs and the facts for the annual report.
// Each test drives its own decision to the stage it is about (./testkit.ts over server/testing.ts,
// which puts this file in the runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../core/db/client.ts';
import { decisionsTest, START } from './testkit.ts';

/** What 公布决策 sends (the adopted text, the adoption of opinions explained, a 解读). */
const publication = {
  adoptedText: '示范市科技创新券实施方案\n一、目标\n二、创新券的发放对象和额度\n三、兑付程序',
  adoptionExplanation: '公众意见采纳2条，专家论证意见全部采纳',
  interpretation: '本方案旨在降低科技型中小企业研发成本，创新券可用于购买检验检测等科技服务。',
};

/** A 决策后评估 (Art 35): the evaluator is named by each test. */
const evaluation = {
  trigger: 'manyObjections',
  thirdParty: true,
  publicHeard: '问卷调查300份',
  conclusion: 'continue',
  report: '总体达到预期',
};

decisionsTest(
  'collective decision: only at a held meeting, dissent recorded, 列席 public representatives from the meeting record',
  'base',
  async ({ staff, leader, ok, refused, day, drive, when }) => {
    const id = await drive('submitted');
    const { meetingId } = (await ok(staff, 'GET', `/api/decisions/${id}`)).agenda[0];
    const decision = {
      meetingId,
      discussion: '与会人员一致赞成，一人建议分步实施',
      headOpinion: '同意实施',
      differsFromMajority: false,
      dissent: '王某某建议分步实施',
      decision: 'adopted',
      executionUnit: '高新技术科',
    };
    await refused(
      leader,
      'POST',
      `/api/decisions/${id}/decision`,
      decision,
      409,
      /尚未登记会议记录/,
    );
    await refused(
      staff,
      'POST',
      `/api/meetings/${meetingId}/held`,
      { attendees: '局长、副局长', minutes: '会议研究了创新券实施方案。' },
      409,
      /召开后才能登记/,
    );
    await day(when.meetingOn);
    await ok(staff, 'POST', `/api/meetings/${meetingId}/held`, {
      attendees: '局长、副局长、各科室负责人',
      publicAttendees: [{ name: '赵某', identity: '企业代表' }],
      minutes: '会议研究了创新券实施方案，同意实施。',
    });
    await refused(staff, 'POST', `/api/decisions/${id}/decision`, decision, 409, /局领导/);
    await refused(
      leader,
      'POST',
      `/api/decisions/${id}/decision`,
      { ...decision, differsFromMajority: true },
      409,
      /在会上说明的理由/,
    );
    const v = await ok(leader, 'POST', `/api/decisions/${id}/decision`, decision);
    assert.equal(v.procedure.case.status, 'decided');
    const ev = v.procedure.events.find((e: { type: string }) => e.type === 'collectiveDecision');
    assert.equal(ev.data.publicAttendees, '赵某（企业代表）');
    assert.equal(ev.data.dissent, '王某某建议分步实施');
    assert.equal(v.agenda[0].outcome, '审议通过');
  },
);

decisionsTest(
  'publication: party report first (Art 31), then with the opinion adoption explained and a 解读',
  'base',
  async ({ staff, leader, ok, refused, drive, when, secrecyReviewPassed }) => {
    const id = await drive('decided');
    const body = publication;
    await refused(staff, 'POST', `/api/decisions/${id}/publish`, body, 409, /向同级党委请示报告/);
    await ok(leader, 'POST', `/api/decisions/${id}/act`, {
      action: 'partyReport',
      on: when.meetingOn,
      data: { reportedTo: '中共示范市科学技术局党组', reportedOn: when.meetingOn, reply: '同意' },
    });
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/publish`,
      { ...body, interpretation: '太短' },
      400,
      /不少于20字/,
    );
    // Issue 13 item 8: the adopted text is asked for, and a text still marked 征求意见稿 is refused.
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/publish`,
      { ...body, adoptedText: undefined },
      400,
      /决策文本（通过稿）/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/publish`,
      { ...body, adoptedText: '示范市科技创新券实施方案（征求意见稿）\n一、目标' },
      400,
      /决策文本（通过稿）.*不能是征求意见稿/,
    );
    await secrecyReviewPassed((await ok(staff, 'GET', `/api/decisions/${id}`)).procedure.case.id);
    const v = await ok(staff, 'POST', `/api/decisions/${id}/publish`, body);
    assert.equal(
      v.procedure.events.find((e: { type: string }) => e.type === 'publish').data.adoptedText,
      body.adoptedText,
    );
    assert.equal(v.procedure.case.status, 'implementing');
    assert.ok(v.decision.publicationId);
    assert.equal(v.flow.find((n: { code: string }) => n.code === 'publish').state, 'done');
  },
);

decisionsTest(
  '保密审查 before publication (条例第十七条): the reviewer named by the drafter passes it in their own session; publishing waits for it and names the reviewer’s account',
  'base',
  async ({ t, staff, leader, legal, staffId, legalId, ok, refused, call, drive }) => {
    const id = await drive('decided', {
      input: { title: START.title, partyReportRequired: false },
    });
    const caseId = (await ok(staff, 'GET', `/api/decisions/${id}`)).procedure.case.id;
    const review = `/api/cases/${caseId}/secrecy-review`;
    const gate = /须经保密审查通过后方可公开（《政府信息公开条例》第十七条）/;
    let v = await ok(staff, 'GET', `/api/decisions/${id}`);
    assert.equal(v.abilities.publish, false);
    assert.match(
      v.procedure.blocked.find((b: { action: string }) => b.action === 'publish').reason,
      gate,
    );
    await refused(staff, 'POST', `/api/decisions/${id}/publish`, publication, 409, gate);
    // The drafter cannot name themselves; the reviewer named gets the step in their 我的待办.
    await refused(staff, 'POST', review, { reviewerId: staffId }, 400, /不能由起草人本人/);
    await ok(staff, 'POST', review, { reviewerId: legalId });
    const todo = (await ok(legal, 'GET', '/api/worklist')).items.find(
      (i: { caseId: string; stepLabel: string }) => i.caseId === caseId,
    );
    assert.equal(todo?.stepLabel, '保密审查');
    await refused(staff, 'POST', `/api/decisions/${id}/publish`, publication, 409, gate);
    // Only the named account decides: not the drafter, not another account of the department.
    await refused(staff, 'POST', `${review}/decision`, { approve: true }, 409, /不能由起草人本人/);
    const other = await call(leader, 'POST', `${review}/decision`, { approve: true });
    assert.equal(other.statusCode, 403, other.body);
    await ok(legal, 'POST', `${review}/decision`, { approve: true, opinion: '同意公开' });
    v = await ok(staff, 'POST', `/api/decisions/${id}/publish`, publication);
    assert.equal(v.procedure.case.status, 'implementing');
    const [pub] = await queryRows<{ review: { reviewerId: string; on: string } }>(
      t.ctx.db,
      sql`select confidentiality_review as review from publications where id = ${v.decision.publicationId}`,
    );
    assert.equal(pub.review.reviewerId, legalId, 'the publication names the reviewer’s account');
    assert.equal(pub.review.on, v.decision.publishedOn);
  },
);

decisionsTest(
  'evidence after the decision is an addition with a reason, never an overwrite',
  'base',
  async ({ t, staff, ok, refused, drive }) => {
    const id = await drive('published');
    let v = await ok(staff, 'GET', `/api/decisions/${id}`);
    const original = v.evidence.find((e: { kind: string }) => e.kind === 'riskAssessment');
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/evidence`,
      {
        kind: 'riskAssessment',
        title: '风险评估报告（更正）',
        body: '更正后的风险点',
        supersedesId: original.id,
      },
      400,
      /应当说明理由/,
    );
    v = await ok(staff, 'POST', `/api/decisions/${id}/evidence`, {
      kind: 'riskAssessment',
      title: '风险评估报告（更正）',
      body: '更正后的风险点：资金兑付和虚假申报',
      supersedesId: original.id,
      note: '补充遗漏的风险点',
    });
    const again = v.evidence.find((e: { id: string }) => e.id === original.id);
    assert.equal(again.body, original.body, 'the original entry is unchanged');
    assert.equal(again.superseded, true);
    const correction = v.evidence.at(-1);
    assert.equal(correction.supersedesId, original.id);
    assert.equal(correction.afterDecision, true);
    const appendOnly = (e: unknown) => /只能追加/.test(`${e} ${(e as Error).cause ?? ''}`);
    await assert.rejects(
      t.ctx.db.execute(sql`update decision_evidence set body = 'x' where id = ${original.id}`),
      appendOnly,
    );
    await assert.rejects(
      t.ctx.db.execute(sql`delete from decision_evidence where id = ${original.id}`),
      appendOnly,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/draft`,
      { draftText: '改写后的决策', legalSort: '重新梳理' },
      409,
      /不能拟订决策草案/,
    );
  },
);

decisionsTest(
  'post-evaluation: not by the unit that did the pre-decision assessment (Art 36)',
  'base',
  async ({ leader, ok, refused, day, drive }) => {
    const id = await drive('published');
    await day('2025-09-01');
    await refused(
      leader,
      'POST',
      `/api/decisions/${id}/post-evaluation`,
      { on: '2025-09-01', data: { ...evaluation, evaluator: '示范市社会稳定风险评估中心' } },
      409,
      /不得承担决策后评估.*第三十六条/,
    );
    const v = await ok(leader, 'POST', `/api/decisions/${id}/post-evaluation`, {
      on: '2025-09-01',
      data: { ...evaluation, evaluator: '示范大学公共管理学院' },
    });
    assert.equal(v.flow.find((n: { code: string }) => n.code === 'postEvaluation').state, 'done');
  },
);

decisionsTest(
  'the archive: every act and piece of evidence with the audit event that proves it',
  'base',
  async ({ staff, leader, ok, day, drive }) => {
    // Found unlawful first, the draft revised and found lawful; evaluated after the decision.
    const id = await drive('published', {
      revisedDraftText:
        '示范市科技创新券实施方案\n一、目标\n二、创新券的发放对象和额度（删除许可条件）',
    });
    await day('2025-09-01');
    await ok(leader, 'POST', `/api/decisions/${id}/post-evaluation`, {
      on: '2025-09-01',
      data: { ...evaluation, evaluator: '示范大学公共管理学院' },
    });
    const a = await ok(staff, 'GET', `/api/decisions/${id}/archive`);
    assert.deepEqual(a.completeness.missingProof, []);
    for (const code of [
      'start',
      'draftPlan',
      'openComment',
      'summarizeParticipation',
      'addExpert',
      'riskAssessment',
      'submitLegalReview',
      'concludeLegalReview',
      'submitToMeeting',
      'collectiveDecision',
      'partyReport',
      'publish',
      'postEvaluation',
    ]) {
      assert.ok(
        a.events.some(
          (e: { type: string; auditSeq: number | null }) => e.type === code && e.auditSeq,
        ),
        `act ${code} in the archive with its audit event`,
      );
    }
    assert.ok(
      a.evidence.filter((e: { kind: string }) => e.kind === 'draftPlan').length === 2,
      'both draft versions are kept',
    );
    const seqs = a.audit.map((x: { seq: number }) => x.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((x: number, y: number) => x - y),
    );
  },
);

decisionsTest(
  'facts for the annual report, each with the list that shows its records',
  'demo',
  async ({ staff, ok, drive }) => {
    const id = await drive('published');
    const { facts } = await ok(staff, 'GET', '/api/decisions/facts?year=2025');
    const f = (k: string) => facts.find((x: { key: string }) => x.key === k);
    // The demo made one decision in 2025 (an expert-reviewed one) and opened a comment window on another.
    assert.equal(f('decisions.catalogued').value, 2);
    assert.equal(f('decisions.made').value, 2);
    assert.equal(f('decisions.expertShare').value, 100);
    assert.equal(f('decisions.riskShare').value, 100);
    assert.equal(f('decisions.comments').value, 6);
    const list = await ok(
      staff,
      'GET',
      `/api/decisions?${new URLSearchParams(Object.entries(f('decisions.reviewShare').records.query).map(([k, v]) => [k, String(v)]))}`,
    );
    assert.equal(list.items.length, 2);
    assert.ok(list.items.some((x: { id: string }) => x.id === id));
    const meetings = await ok(staff, 'GET', '/api/meetings/facts?year=2025');
    assert.equal(
      meetings.facts.find((x: { key: string }) => x.key === 'meetings.publicAttendance').value,
      2,
      'the demo meeting and this one',
    );
  },
);
