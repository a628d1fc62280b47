/**
 * The 行政复议 / 行政应诉 API tests' app and stage factories. `litigationApp()` builds a fresh demo app
 * (the demo's disclosure requests are what the cases are brought against) with the accounts the tests
 * sign in as; each test builds its own, so table 四, the facts and the clock are its own and the tests
 * run in any order. The factories take a case through the API to the stage a test is about.
 */
import type { TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';

export type LitigationTest = Awaited<ReturnType<typeof litigationApp>>;

/** The demo app at 2025-03-03, closed when the calling test ends; `requestId` is the oldest request. */
export async function litigationApp(c: TestContext) {
  const t = await createTestApp();
  c.after(() => t.close());
  const api = testApi(() => t, ['litigation_cases', 'cases', 'case_events', 'audit_events']);
  const accounts = [
    { username: 'll', password: 'Legal-pass-2025', roles: ['legalOfficer'], orgName: '政策法规科' },
    { username: 'ld', password: 'Leader-pass-2025', roles: ['leader'] },
    { username: 'ls', password: 'Staff-pass-2025', roles: ['staff'] },
    {
      username: 'la',
      password: 'Advisor-pass-2025',
      roles: ['legalAdvisor'],
      orgName: '政策法规科',
    },
  ] as const;
  for (const a of accounts) await addUser(t.ctx, { ...a, roles: [...a.roles] });
  const [legal, leader, staff, advisor] = await Promise.all(
    accounts.map((a) => signIn(t.app, a.username, a.password)),
  );
  const [{ id: requestId }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from disclosure_requests order by received_on limit 1`,
  );
  return { t, api, legal, leader, staff, advisor, requestId };
}

/** A 复议 against a disclosure answer, its copy received on 2025-03-03 (answer due 2025-03-17). */
export const RECON = {
  caseNo: '示政复〔2025〕3号',
  applicant: '李某',
  body: '示范市人民政府',
  procedureType: 'ordinary',
  actModule: 'disclosureRequest',
  filedOn: '2025-02-20',
  receivedOn: '2025-03-03',
};

/** RECON registered by the legal office against the oldest request; returns the API's view. */
export const registered = (l: LitigationTest) =>
  l.api.ok(l.legal, 'POST', '/api/litigation/reconsiderations', {
    ...RECON,
    actRecordId: l.requestId,
  });

/** Registered, then answered late on 2025-03-18 (one day after the 10 working days); returns the id. */
export async function answeredLate(l: LitigationTest): Promise<string> {
  const id = (await registered(l)).record.id as string;
  await l.api.day('2025-03-18');
  await l.api.ok(l.legal, 'POST', `/api/litigation/${id}/acts`, {
    action: 'answer',
    on: '2025-03-18',
    data: { summary: '被申请人已依法答复。\n答复程序合法。' },
    evidence: [{ title: '政府信息公开申请登记表', gatheredOn: '2025-01-10' }],
  });
  return id;
}

/** A suit after the 复议 against the same request, its copy received on 2025-03-18; returns the view. */
export async function suitFiled(l: LitigationTest) {
  await l.api.day('2025-03-18');
  return l.api.ok(l.legal, 'POST', '/api/litigation/lawsuits', {
    caseNo: '（2025）皖1602行初9号',
    applicant: '赵某',
    body: '示范市人民法院',
    actModule: 'disclosureRequest',
    actRecordId: l.requestId,
    receivedOn: '2025-03-18',
    afterReconsideration: true,
  });
}
