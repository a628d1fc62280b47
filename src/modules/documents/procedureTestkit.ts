/**
 * Histories of a 行政规范性文件 for the procedure tests (procedure.test.ts, procedureClocks.test.ts):
 * each step is checked by the engine as it is added, so a fixture that breaks a rule fails loudly.
 */
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, type CaseEvent, type ProcedureDef } from '../../core/procedure/engine.ts';
import { SECRECY_REVIEWER } from '../disclosure/index.ts';
import { NORMATIVE_DOCUMENT } from './procedure.ts';

export const cal = createCalendar({ overrides: [], officialYears: [] });
export const P = NORMATIVE_DOCUMENT;

export type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];

export const ROLE: Record<string, string[]> = {
  concludeLegalReview: ['legalOfficer'],
  collectiveDecision: ['leader'],
  withdraw: ['leader'],
  passSecrecyReview: [SECRECY_REVIEWER],
  returnSecrecyReview: [SECRECY_REVIEWER],
};

export function history(steps: Step[], proc: ProcedureDef = P): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] };
    const r = check(proc, h, ev, cal);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

export const draft = (concernsMarket = false): Step => [
  'draft',
  '2025-03-01',
  { title: '市科技计划项目管理办法', concernsMarket },
];
export const commented: Step[] = [
  draft(),
  ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }],
  ['closeComment', '2025-03-12', { commentCount: 4 }],
];
export const reviewed: Step[] = [
  ...commented,
  ['submitLegalReview', '2025-03-13'],
  ['concludeLegalReview', '2025-03-20', { conclusion: 'lawful', opinion: '合法' }],
];
export const adopted: Step[] = [
  ...reviewed,
  ['collectiveDecision', '2025-03-25', { meeting: 'directorsOffice', decision: 'adopted' }],
];
export const published: Step[] = [
  ...adopted,
  ['assignNumber', '2025-03-26', { docNumber: '科规〔2025〕3号' }],
  [
    'requestSecrecyReview',
    '2025-03-26',
    { reviewer: '李静', reviewerId: 'u-legal', dueOn: '2025-04-02' },
  ],
  ['passSecrecyReview', '2025-03-27'],
  ['publish', '2025-04-01', { channel: '政府网站', filingDueOn: '2025-05-01' }],
];
