import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor, check, evaluate } from '../../core/procedure/engine.ts';
import { normativeDocumentProcedure } from './procedure.ts';
import {
  cal,
  P,
  history,
  draft,
  commented,
  reviewed,
  published,
  type Step,
} from './procedureTestkit.ts';

test('blocked actions carry the Chinese reason', () => {
  const s = evaluate(P, history(commented), cal, '2025-03-13');
  const b = s.blocked.find((x) => x.action === 'collectiveDecision');
  assert.equal(b?.code, 'not_reviewed');
  assert.match(b?.reason ?? '', /未经合法性审核，不得提交集体审议/);
  assert.ok(s.openSteps.some((x) => x.step === 'submitLegalReview'));
  assert.deepEqual(
    actionsFor(s, ['leader']).map((x) => x.action),
    ['withdraw'],
  );
});

test('legality review: 15 WD clock, warning under 5 WD', () => {
  const h = history([...commented, ['submitLegalReview', '2025-03-13']]);
  const s = evaluate(P, h, cal, '2025-03-14');
  const review = s.openSteps.find((x) => x.step === 'legalReview');
  assert.equal(review?.due?.date, '2025-04-03');
  assert.deepEqual(review?.roles, ['legalOfficer']);
  const quick = check(
    P,
    h,
    {
      type: 'concludeLegalReview',
      on: '2025-03-17',
      actorRoles: ['legalOfficer'],
      data: { conclusion: 'lawful', opinion: 'x' },
    },
    cal,
  );
  assert.ok(quick.ok && quick.warnings?.[0].code === 'review_too_short');
});

test('filing is due on the date set at publication (the local period is a setting, see documents.test)', () => {
  const s = evaluate(P, history(published), cal, '2025-04-02');
  assert.equal(s.status, 'published');
  const file = s.openSteps.find((x) => x.step === 'file');
  assert.equal(file?.due?.date, '2025-05-01');
  assert.equal(file?.daysLeft, 29);
  assert.match(file?.due?.explanation ?? '', /备案期限至2025年5月1日届满/);
  const late = evaluate(P, history(published), cal, '2025-05-06');
  assert.equal(late.openSteps.find((x) => x.step === 'file')?.overdue, true);
  const done = evaluate(
    P,
    history([...published, ['file', '2025-04-10', { filedWith: '市司法局' }]]),
    cal,
    '2025-04-10',
  );
  assert.equal(done.status, 'filed');
  assert.equal(done.statusLabel, '报备审查中', 'filed is not yet 已备案');
  assert.deepEqual(
    done.openSteps.map((x) => [x.step, x.roles, x.heldBy, x.due?.date]),
    [['filingReview', ['oversight'], 'oversight', '2025-04-30']],
  );
});

test("备案审查: only 准予备案 makes it 已备案; 纠错 is the department's step with its clock; the answer restarts the review", () => {
  const filed: Step[] = [...published, ['file', '2025-04-10', { filedWith: '市司法局' }]];
  const staffCheck = check(
    P,
    history(filed),
    { type: 'acceptFiling', on: '2025-04-11', actorRoles: ['staff'], data: {} },
    cal,
  );
  assert.ok(
    !staffCheck.ok && staffCheck.code === 'role_forbidden',
    'the department cannot accept its own filing',
  );
  const returned: Step[] = [
    ...filed,
    [
      'requestCorrection',
      '2025-04-15',
      { correctionRequest: '第三条施行日期应明确' },
      ['oversight'],
    ],
  ];
  const r = evaluate(P, history(returned), cal, '2025-04-15');
  assert.equal(r.statusLabel, '退回纠错中');
  assert.deepEqual(
    r.openSteps.map((x) => [x.step, x.roles, x.heldBy, x.due?.date]),
    [['answerCorrection', ['staff'], undefined, '2025-05-15']],
  );
  const noText = check(
    P,
    history(returned),
    {
      type: 'answerCorrection',
      on: '2025-04-20',
      actorRoles: ['staff'],
      data: { answer: '已修改' },
    },
    cal,
  );
  assert.ok(
    !noText.ok && noText.code === 'field_required',
    'the answer carries the corrected version',
  );
  const answered: Step[] = [
    ...returned,
    ['answerCorrection', '2025-04-21', { answer: '已修改第三条', correctedVersionId: 'v2' }],
  ];
  const again = evaluate(P, history(answered), cal, '2025-04-21');
  assert.equal(again.statusLabel, '报备审查中');
  assert.equal(again.openSteps[0].step, 'filingReview');
  assert.ok(again.openSteps[0].due!.date > '2025-04-30', 'reviewed afresh from the answer');
  const accepted = evaluate(
    P,
    history([...answered, ['acceptFiling', '2025-04-25', { opinion: '准予备案' }, ['oversight']]]),
    cal,
    '2025-04-25',
  );
  assert.equal(accepted.statusLabel, '已备案');
  assert.equal(accepted.outcome, 'filed');
});

test('settings change the comment minimum', () => {
  const p = normativeDocumentProcedure({ commentMinWorkdays: 10 });
  const r = check(
    p,
    history([draft()], p),
    {
      type: 'openComment',
      on: '2025-03-03',
      actorRoles: ['staff'],
      data: { startOn: '2025-03-03', endOn: '2025-03-12' },
    },
    cal,
  );
  assert.ok(!r.ok && r.code === 'comment_too_short');
});
