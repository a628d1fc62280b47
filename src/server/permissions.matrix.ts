/**
 * The permission matrix as data (issue 12, "Tests"; checked by permissions.matrix.test.ts).
 *
 * Convention. Every registered route (Fastify's route table: /api, the portal, the workbench shell) is
 * listed once, by method and URL, under the rule it follows. A cell is one account asking one route on
 * the demo's records (accounts and records: permissions.matrix.fixtures.ts). A write is sent with a
 * body no schema accepts (a JSON string; a form without its file for uploads), so an authorised caller
 * gets a field-named 400 and nothing changes. The expected outcome of a cell is one of
 *   'ok'  allowed past authorization: 2xx, or 400/409/413/415/422 (the request itself was judged), or
 *         503 for a feature this server lacks (the PDF export without LibreOffice)
 *   401   not signed in
 *   403   signed in, but the role may not use the route (capability)
 *   404   the record is outside the account's scope (or the page does not exist for it)
 * and a 5xx is never expected. Out of scope is 404 (the record's existence is not disclosed), a missing
 * capability 403 (ARCHITECTURE.md "How a request flows").
 *
 * Accounts (keys): anon; staff, legal, leader, advisor, officer, oversight, sysadmin, secadmin, auditadmin
 * = the demo accounts in their own scope; `<role>@division` = the same role in another 科室 of the same
 * department, `<role>@dept` = in another department (示范市教育局), `oversight@other` = another
 * government's oversight body (邻市司法局). In a rule, `staff*` means every staff account, `*` anyone
 * signed in not named otherwise; `anon` is 401 unless the rule says otherwise.
 */

import { ACCOUNT_RULES } from './permissions.matrix.accounts.ts';
import { RECORD_RULES } from './permissions.matrix.records.ts';
import { LEGAL_RULES } from './permissions.matrix.legal.ts';
import { REGISTER_RULES } from './permissions.matrix.registers.ts';

export type Outcome = 'ok' | 401 | 403 | 404 | 405 | '5xx';

export function outcomeOf(status: number): Outcome {
  // 503 UNAVAILABLE: a feature this server lacks (a PDF without LibreOffice), judged after authorization.
  if (status === 503) return 'ok';
  if (status >= 500) return '5xx';
  if (status === 401 || status === 403 || status === 404 || status === 405) return status;
  return 'ok';
}

type Cells = Record<string, Outcome>;

export interface Rule {
  name: string;
  /** The policy in a sentence (and the article or ARCHITECTURE section it comes from). */
  why: string;
  /**
   * 'portal': the public site knows no session — every account gets what the anonymous visitor gets:
   * a page (ok), 404 for a record not published, 403 for a form posted without the portal's form token.
   */
  cells: Cells | 'portal';
  routes: string[];
}

/** What `rule` expects of `actor`; `got` = this route's observed outcomes (the portal compares with anon). */
export function expectationOf(rule: Rule, actor: string, got: Record<string, Outcome>): Outcome {
  if (rule.cells === 'portal') {
    const anon = got.anon;
    return anon === 'ok' || anon === 403 || anon === 404 ? anon : 'ok';
  }
  const cells = rule.cells;
  if (cells[actor] !== undefined) return cells[actor];
  const group = `${actor.split('@')[0]}*`;
  if (cells[group] !== undefined) return cells[group];
  if (actor === 'anon') return 401;
  const rest = cells['*'];
  if (rest === undefined) throw new Error(`${rule.name}: no expectation for ${actor} and no '*'`);
  return rest;
}

/** Every rule: by account (accounts.ts), the department's records (records.ts), the legal function
 * (legal.ts), registers and reports (registers.ts). */
export const MATRIX: Rule[] = [
  ...ACCOUNT_RULES,
  ...RECORD_RULES,
  ...LEGAL_RULES,
  ...REGISTER_RULES,
];
