import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type ProcedureDef } from '../../core/procedure/engine.ts';
import {
  cal,
  P,
  ROLE,
  history,
  draft,
  commented,
  reviewed,
  adopted,
  published,
  type Step,
} from './procedureTestkit.ts';

const refusals: Array<{
  name: string;
  steps: Step[];
  next: Step;
  code: string;
  message?: RegExp;
  proc?: ProcedureDef;
}> = [
  {
    name: 'comment shorter than 7 WD',
    steps: [draft()],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-11' }],
    code: 'comment_too_short',
    message: /不少于7个工作日.*2025年3月12日/,
  },
  {
    name: 'market document: 7 WD is not enough',
    steps: [draft(true)],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }],
    code: 'comment_too_short',
    message: /不少于30日/,
  },
  {
    name: 'market document: 29 days',
    steps: [draft(true)],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-01' }],
    code: 'comment_too_short',
  },
  {
    name: 'closing comment early',
    steps: [draft(), ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }]],
    next: ['closeComment', '2025-03-11', { commentCount: 0 }],
    code: 'comment_period_running',
  },
  {
    name: 'exemption without a reason',
    steps: [draft()],
    next: ['exemptComment', '2025-03-03', {}, ['leader']],
    code: 'field_required',
    message: /依法需要保密的理由/,
  },
  {
    name: 'legality review before comment',
    steps: [draft()],
    next: ['submitLegalReview', '2025-03-03'],
    code: 'comment_missing',
  },
  {
    name: 'market document without fair-competition review',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
      ['closeComment', '2025-04-02', { commentCount: 1 }],
    ],
    next: ['submitLegalReview', '2025-04-03'],
    code: 'fair_competition_missing',
    message: /公平竞争审查/,
  },
  {
    name: 'fair-competition review of a non-market document',
    steps: commented,
    next: ['fairCompetitionReview', '2025-03-13', { conclusion: 'pass' }],
    code: 'not_market',
  },
  {
    name: 'collective deliberation before legality review',
    steps: commented,
    next: [
      'collectiveDecision',
      '2025-03-13',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'not_reviewed',
    message: /未经合法性审核，不得提交集体审议/,
  },
  {
    name: 'collective deliberation during the first legality review',
    steps: [...commented, ['submitLegalReview', '2025-03-13']],
    next: [
      'collectiveDecision',
      '2025-03-14',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'not_reviewed',
  },
  {
    name: 'collective deliberation while a revised draft is under review',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
      ['submitLegalReview', '2025-03-21'],
    ],
    next: [
      'collectiveDecision',
      '2025-03-24',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'review_pending',
  },
  {
    name: 'collective deliberation of an unlawful draft',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
    ],
    next: [
      'collectiveDecision',
      '2025-03-25',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'found_unlawful',
    message: /经合法性审核不合法，不得提交集体审议/,
  },
  {
    name: 'staff may not conclude the legality review',
    steps: [...commented, ['submitLegalReview', '2025-03-13']],
    next: ['concludeLegalReview', '2025-03-20', { conclusion: 'lawful', opinion: 'x' }, ['staff']],
    code: 'role_forbidden',
  },
  {
    name: 'numbering before adoption',
    steps: reviewed,
    next: ['assignNumber', '2025-03-21', { docNumber: '科规〔2025〕3号' }],
    code: 'not_adopted',
  },
  {
    name: 'publishing before numbering',
    steps: adopted,
    next: ['publish', '2025-03-26', { channel: '政府网站' }],
    code: 'not_numbered',
  },
  {
    name: 'publishing before the 保密审查 passed (条例第十七条)',
    steps: [...adopted, ['assignNumber', '2025-03-26', { docNumber: '科规〔2025〕3号' }]],
    next: ['publish', '2025-03-26', { channel: '政府网站' }],
    code: 'secrecy_review_missing',
  },
  {
    name: 'publishing after the 保密审查 returned it',
    steps: [
      ...adopted,
      ['assignNumber', '2025-03-26', { docNumber: '科规〔2025〕3号' }],
      [
        'requestSecrecyReview',
        '2025-03-26',
        { reviewer: '李静', reviewerId: 'u', dueOn: '2025-04-02' },
      ],
      ['returnSecrecyReview', '2025-03-27', { reason: '附件含内部信息' }],
    ],
    next: ['publish', '2025-03-27', { channel: '政府网站' }],
    code: 'secrecy_review_missing',
  },
  {
    name: 'the 保密审查 asked before the 文号 (the text is not final)',
    steps: adopted,
    next: [
      'requestSecrecyReview',
      '2025-03-26',
      { reviewer: '李静', reviewerId: 'u', dueOn: '2025-04-02' },
    ],
    code: 'not_numbered',
  },
  {
    name: 'the 保密审查 passed by the drafter’s role, not the named reviewer’s',
    steps: [
      ...adopted,
      ['assignNumber', '2025-03-26', { docNumber: '科规〔2025〕3号' }],
      [
        'requestSecrecyReview',
        '2025-03-26',
        { reviewer: '李静', reviewerId: 'u', dueOn: '2025-04-02' },
      ],
    ],
    next: ['passSecrecyReview', '2025-03-27', {}, ['staff']],
    code: 'role_forbidden',
  },
  {
    name: 'rejected at the collective deliberation',
    steps: [
      ...reviewed,
      ['collectiveDecision', '2025-03-25', { meeting: 'directorsOffice', decision: 'rejected' }],
    ],
    next: ['assignNumber', '2025-03-26', { docNumber: 'x' }],
    code: 'case_closed',
  },
];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const proc = r.proc ?? P;
    const [type, on, data, roles] = r.next;
    const res = check(
      proc,
      history(r.steps, proc),
      { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] },
      cal,
    );
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.code, r.code, res.message);
    if (r.message) assert.match(res.message, r.message);
  });
}

const accepted: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'comment of exactly 7 WD',
    steps: [draft(), ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }]],
  },
  {
    name: 'market document with 30 days',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
    ],
  },
  {
    name: 'confidential exemption with a reason',
    steps: [
      draft(),
      ['exemptComment', '2025-03-03', { reason: '涉及国家秘密，依法需要保密' }, ['leader']],
      ['submitLegalReview', '2025-03-04'],
    ],
  },
  {
    name: 'market document after fair-competition review',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
      ['closeComment', '2025-04-02', { commentCount: 1 }],
      ['fairCompetitionReview', '2025-04-03', { conclusion: 'pass' }],
      ['submitLegalReview', '2025-04-07'],
    ],
  },
  {
    name: 'unlawful, revised, resubmitted, lawful, adopted',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
      ['submitLegalReview', '2025-03-21'],
      [
        'concludeLegalReview',
        '2025-03-28',
        { conclusion: 'lawfulAfterRevision', opinion: '删除第五条后合法' },
      ],
      ['collectiveDecision', '2025-04-01', { meeting: 'partyGroup', decision: 'adopted' }],
    ],
  },
  {
    name: 'the whole procedure',
    steps: [...published, ['file', '2025-04-10', { filedWith: '市司法局' }]],
  },
];

for (const a of accepted)
  test(`accepted: ${a.name}`, () => assert.ok(history(a.steps).length === a.steps.length));
