// The 行政处罚 procedure as data, gate by gate and clock by clock, with dates across 国庆 2025 and 春节
// 2026 (行政处罚法 Art 85: 三日/五日/七日 are 工作日; 九十日/十五日 are 日).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, evaluate, type CaseEvent, type ProcedureDef } from '../../core/procedure/engine.ts';
import { PENALTY_CASE as P } from './procedure.ts';
import { PENALTY_SUMMARY as S } from './procedureSummary.ts';
import { limitationEnd } from './rules.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];
const ROLE: Record<string, string[]> = {
  decide: ['leader'],
  collectiveDiscussion: ['leader'],
  extendDecision: ['leader'],
  concludeLegalReview: ['legalOfficer'],
  classify: ['leader'],
  terminate: ['leader'],
  revoke: ['leader'],
};

function history(steps: Step[], proc: ProcedureDef = P): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['officer'] };
    const r = check(proc, h, ev, cal);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}
const refused = (h: CaseEvent[], step: Step, code: string, message?: RegExp) => {
  const [type, on, data, roles] = step;
  const r = check(P, h, { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['officer'] }, cal);
  assert.equal(r.ok, false, `${type} on ${on} should be refused`);
  if (!r.ok) {
    assert.equal(r.code, code, r.message);
    if (message) assert.match(r.message, message);
  }
};

const open = (on = '2025-09-01', major = false): Step => [
  'open',
  on,
  {
    partyName: '某科技公司',
    actOn: '2025-08-20',
    discoveredOn: on,
    limitationEnd: limitationEnd('2025-08-20', false),
    major,
    approvedBy: '王局长',
  },
];
const assigned: Step[] = [open(), ['assignOfficers', '2025-09-01', { officerCount: 2 }]];
const notice = (on: string, until: string, hearing = false, fine = 5000): Step => [
  'serveNotice',
  on,
  {
    types: 'fine',
    fineAmount: fine,
    facts: '未按规定报送',
    reasons: '违反规定',
    basis: '某条例第十条',
    hearingEligible: hearing,
    statementUntil: until,
  },
];
const decision = (on: string): Step => [
  'decide',
  on,
  {
    decisionType: 'penalty',
    types: 'fine',
    fineAmount: 5000,
    decisionNo: '科罚决〔2025〕1号',
    reconsiderationBody: '示范市人民政府',
  },
];

test('立案: the limitation (Art 36) is 2 years, 5 where life, health or financial safety is harmed', () => {
  assert.equal(limitationEnd('2023-09-01', false), '2025-09-01');
  assert.equal(limitationEnd('2024-02-29', false), '2026-02-28');
  assert.equal(limitationEnd('2020-09-01', true), '2025-09-01');
  refused(
    [],
    [
      'open',
      '2025-09-02',
      {
        partyName: '甲',
        actOn: '2023-08-31',
        discoveredOn: '2025-09-02',
        limitationEnd: limitationEnd('2023-08-31', false),
        approvedBy: '王局长',
      },
    ],
    'limitation',
    /第三十六条/,
  );
  history([
    [
      'open',
      '2025-09-01',
      {
        partyName: '甲',
        actOn: '2023-09-01',
        discoveredOn: '2025-09-01',
        limitationEnd: limitationEnd('2023-09-01', false),
        approvedBy: '王局长',
      },
    ],
  ]);
  // An officer's 立案 names the approving head; the head's own does not.
  refused(
    [],
    [
      'open',
      '2025-09-01',
      {
        partyName: '甲',
        actOn: '2025-08-01',
        discoveredOn: '2025-09-01',
        limitationEnd: '2027-08-01',
      },
    ],
    'field_required',
    /立案审批人/,
  );
});

test('调查取证 needs ≥ 2 officers (Art 42); 先行登记保存 is decided within 7 工作日 across 国庆 (Art 56, 85)', () => {
  refused(
    history([open()]),
    ['serveNotice', '2025-09-02', notice('2025-09-02', '2025-09-10')[2]],
    'no_officers',
    /第四十二条/,
  );
  refused(
    history([open()]),
    ['assignOfficers', '2025-09-01', { officerCount: 1 }],
    'field_invalid',
    /不得小于2/,
  );
  const h = history([
    ...assigned,
    ['preserveEvidence', '2025-09-26', { items: '样品3件', approvedBy: '王局长' }],
  ]);
  const clock = evaluate(P, h, cal, '2025-09-30').clocks.find((c) => c.clock === 'preservation');
  assert.equal(
    clock?.due,
    '2025-10-13',
    '7 工作日 from 9月26日: 9月28日 (调休), 29, 30, 10月9日, 10, 11 (调休), 13',
  );
  assert.equal(
    evaluate(P, h, cal, '2025-10-14').openSteps.find((s) => s.step === 'preservation')?.overdue,
    true,
  );
});

test('告知 before 决定 (Art 44, 62); no decision while the 陈述申辩 window runs unless waived (Art 45)', () => {
  refused(history(assigned), decision('2025-09-10'), 'wrong_status');
  const h = history([...assigned, notice('2025-09-26', '2025-10-10')]);
  refused(h, decision('2025-10-10'), 'statement_running', /陈述、申辩期限届满前/);
  history([...assigned, notice('2025-09-26', '2025-10-10'), decision('2025-10-11')]);
  history([
    ...assigned,
    notice('2025-09-26', '2025-10-10'),
    ['waiveRights', '2025-09-28', { note: '当事人书面放弃' }],
    decision('2025-09-29'),
  ]);
});

test('听证: requested within 5 工作日 across 春节, noticed ≥ 7 工作日 before, held before the decision (Art 63–64)', () => {
  const base = history([
    open('2026-02-02'),
    ['assignOfficers', '2026-02-02', { officerCount: 2 }],
    notice('2026-02-12', '2026-02-26', true, 200_000),
  ]);
  assert.equal(
    evaluate(P, base, cal, '2026-02-13').clocks.find((c) => c.clock === 'hearingRequest')?.due,
    '2026-02-26',
  );
  refused(base, ['requestHearing', '2026-02-27'], 'hearing_request_late', /五个工作日内/);
  const req = history([...baseSteps(), ['requestHearing', '2026-02-26']]);
  refused(
    req,
    [
      'scheduleHearing',
      '2026-02-27',
      { hearingOn: '2026-03-06', place: '第一会议室', chair: '李法制', isPublic: true },
    ],
    'hearing_notice_short',
    /七个工作日前/,
  );
  refused(req, decision('2026-03-20'), 'hearing_pending');
  const held = history([
    ...baseSteps(),
    ['requestHearing', '2026-02-26'],
    [
      'scheduleHearing',
      '2026-02-27',
      { hearingOn: '2026-03-10', place: '第一会议室', chair: '李法制', isPublic: true },
    ],
    ['holdHearing', '2026-03-10', { record: '听证笔录', signed: true }],
  ]);
  // A hearing makes 法制审核 required (Art 58 (二)).
  refused(held, decision('2026-03-11'), 'legal_check_missing', /第五十八条/);
  // Not eligible: no hearing request at all.
  const small = history([...assigned, notice('2025-09-26', '2025-10-10', false)]);
  refused(small, ['requestHearing', '2025-09-29'], 'hearing_not_applicable');
});
function baseSteps(): Step[] {
  return [
    open('2026-02-02'),
    ['assignOfficers', '2026-02-02', { officerCount: 2 }],
    notice('2026-02-12', '2026-02-26', true, 200_000),
  ];
}

test('major cases: 法制审核 concluded lawful, then 集体讨论, before the decision (Art 57–58)', () => {
  const steps: Step[] = [
    open('2025-09-01', true),
    ['assignOfficers', '2025-09-01', { officerCount: 2 }],
    notice('2025-09-02', '2025-09-09'),
  ];
  refused(history(steps), decision('2025-09-10'), 'legal_check_missing');
  const submitted: Step[] = [...steps, ['submitLegalCheck', '2025-09-10', { matterId: 'm1' }]];
  refused(history(submitted), decision('2025-09-11'), 'legal_check_missing');
  const unlawful: Step[] = [
    ...submitted,
    ['concludeLegalReview', '2025-09-12', { conclusion: 'unlawful', opinion: '证据不足' }],
  ];
  refused(
    history(unlawful),
    ['collectiveDiscussion', '2025-09-15', { meeting: '局长办公会', conclusion: '同意' }],
    'legal_check_missing',
  );
  const lawful: Step[] = [
    ...submitted,
    ['concludeLegalReview', '2025-09-12', { conclusion: 'lawful', opinion: '合法' }],
  ];
  refused(history(lawful), decision('2025-09-15'), 'collective_missing', /集体讨论/);
  refused(
    history(lawful),
    [
      'collectiveDiscussion',
      '2025-09-15',
      { meeting: '局长办公会', conclusion: '同意' },
      ['officer'],
    ],
    'role_forbidden',
  );
  history([
    ...lawful,
    ['collectiveDiscussion', '2025-09-15', { meeting: '局长办公会', conclusion: '同意' }],
    decision('2025-09-16'),
  ]);
});

test('90 日 from 立案 (Art 60): late without a recorded extension, in time with one; only the head decides', () => {
  const steps: Step[] = [
    open('2025-07-10'),
    ['assignOfficers', '2025-07-10', { officerCount: 2 }],
    notice('2025-09-26', '2025-10-10'),
  ];
  assert.equal(
    evaluate(P, history(steps), cal, '2025-10-01').clocks.find((c) => c.clock === 'decide')?.due,
    '2025-10-08',
  );
  refused(history(steps), decision('2025-10-13'), 'decision_late', /九十日/);
  refused(
    history(steps),
    ['decide', '2025-10-11', decision('2025-10-11')[2], ['officer']],
    'decision_late',
  );
  const extended: Step[] = [
    ...steps,
    ['extendDecision', '2025-10-08', { days: 30, reason: '案情复杂', approvedBy: '局长办公会' }],
  ];
  history([...extended, decision('2025-10-13')]);
  refused(
    history(extended),
    ['extendDecision', '2025-10-09', { days: 61, reason: '再延长', approvedBy: '局长办公会' }],
    'cap_exceeded',
  );
});

test('after the decision: 送达 within 7 工作日, payment 15 日, publication 7 工作日, withdrawal 3 工作日 when revoked', () => {
  const steps: Step[] = [...assigned, notice('2025-09-02', '2025-09-09'), decision('2025-09-26')];
  const st = evaluate(P, history(steps), cal, '2025-09-26');
  assert.equal(st.clocks.find((c) => c.clock === 'delivery')?.due, '2025-10-13');
  assert.equal(st.clocks.find((c) => c.clock === 'publication')?.due, '2025-10-13');
  refused(history(steps), ['close', '2025-09-27'], 'wrong_status');
  const delivered: Step[] = [
    ...steps,
    ['deliver', '2025-09-28', { method: '直接送达', recipient: '某科技公司' }],
  ];
  assert.equal(
    evaluate(P, history(delivered), cal, '2025-09-28').clocks.find((c) => c.clock === 'payment')
      ?.due,
    '2025-10-13',
  );
  const executed: Step[] = [
    ...delivered,
    ['execute', '2025-10-09', { paidAmount: 5000, note: '已缴纳' }],
  ];
  refused(history(executed), ['close', '2025-10-09'], 'not_published');
  const closed = history([
    ...executed,
    ['publish', '2025-10-09'],
    ['close', '2025-10-10'],
    ['revoke', '2025-11-03', { reason: '复议撤销', by: '示范市人民政府' }],
  ]);
  const w = evaluate(P, closed, cal, '2025-11-03');
  assert.equal(w.status, 'revoked');
  assert.equal(w.clocks.find((c) => c.clock === 'withdrawal')?.due, '2025-11-06');
  assert.equal(
    evaluate(
      P,
      history([
        ...executed,
        ['publish', '2025-10-09'],
        ['close', '2025-10-10'],
        ['revoke', '2025-11-03', { reason: '复议撤销', by: '示范市人民政府' }],
        ['withdrawPublication', '2025-11-05', { reason: '已被复议机关撤销' }],
      ]),
      cal,
      '2025-11-05',
    ).status,
    'revokedClosed',
  );
});

test('简易程序 is filed with the organ before closing (Art 52)', () => {
  const h = history(
    [
      [
        'decideOnSpot',
        '2025-09-01',
        { types: 'fine', fineAmount: 200, decisionNo: '当罚〔2025〕1号', partyName: '张三' },
      ],
    ],
    S,
  );
  const r = check(
    S,
    h,
    { type: 'close', on: '2025-09-01', data: { note: '已缴纳' }, actorRoles: ['officer'] },
    cal,
  );
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.message, /第五十二条/);
});
