/**
 * The 行政执法 API tests' app: the demo, a staff account, the 政策法规科's legal officer and legal
 * advisor, a leader, and a staff account of another department (示范市教育局); `refused` checks that
 * nothing was recorded. `useEnforcementTest()` registers the before/after hooks of the calling file and calls `ready` once the accounts are signed in.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { createOrg } from '../../core/orgs/service.ts';
import type { Actor } from '../../core/auth/actor.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST';

export interface EnforcementTest {
  t: TestApp;
  staff: Session;
  legal: Session;
  leader: Session;
  advisor: Session;
  eduStaff: Session;
  call: (
    s: Session | null,
    method: Method,
    url: string,
    payload?: object,
  ) => Promise<LightMyRequestResponse>;
  // The tests read the JSON replies freely (as res.json() gives them).
  ok: (s: Session, method: Method, url: string, payload?: object) => Promise<any>;
  refused: (
    s: Session,
    url: string,
    payload: object,
    status: number,
    message: RegExp,
  ) => Promise<any>;
}

export function useEnforcementTest(ready: () => void = () => {}): EnforcementTest {
  const auditCount = async () =>
    (
      await queryRows<{ n: number }>(e.t.ctx.db, sql`select count(*)::int as n from audit_events`)
    )[0].n;
  const e: EnforcementTest = {
    t: undefined as unknown as TestApp,
    staff: undefined as unknown as Session,
    legal: undefined as unknown as Session,
    leader: undefined as unknown as Session,
    advisor: undefined as unknown as Session,
    eduStaff: undefined as unknown as Session,
    call: (s, method, url, payload) =>
      e.t.app.inject({ method, url, headers: s?.headers ?? {}, payload }),
    ok: async (s, method, url, payload) => {
      const res = await e.call(s, method, url, payload);
      assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
      return res.json();
    },
    refused: async (s, url, payload, status, message) => {
      const n = await auditCount();
      const res = await e.call(s, 'POST', url, payload);
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.json().error.message, message);
      assert.equal(await auditCount(), n, 'nothing changed');
      return res.json();
    },
  };
  before(async () => {
    e.t = await createTestApp();
    await addUser(e.t.ctx, { username: 'es', password: 'Staff-pass-2025', roles: ['staff'] });
    await addUser(e.t.ctx, {
      username: 'el',
      password: 'Legal-pass-2025',
      roles: ['legalOfficer'],
      orgName: '政策法规科',
    });
    await addUser(e.t.ctx, { username: 'ed', password: 'Leader-pass-2025', roles: ['leader'] });
    await addUser(e.t.ctx, {
      username: 'ea',
      password: 'Advisor-pass-2025',
      roles: ['legalAdvisor'],
      orgName: '政策法规科',
    });
    const [gov] = await queryRows<{ id: string }>(
      e.t.ctx.db,
      sql`select id from organisations where name = '示范市人民政府'`,
    );
    await createOrg(e.t.ctx, { userId: null, orgId: null } as unknown as Actor, {
      name: '示范市教育局',
      kind: 'department',
      parentId: gov.id,
    });
    await addUser(e.t.ctx, {
      username: 'edu',
      password: 'Staff-pass-2025',
      roles: ['staff'],
      orgName: '示范市教育局',
    });
    e.staff = await signIn(e.t.app, 'es', 'Staff-pass-2025');
    e.legal = await signIn(e.t.app, 'el', 'Legal-pass-2025');
    e.leader = await signIn(e.t.app, 'ed', 'Leader-pass-2025');
    e.advisor = await signIn(e.t.app, 'ea', 'Advisor-pass-2025');
    e.eduStaff = await signIn(e.t.app, 'edu', 'Staff-pass-2025');
    ready();
  });
  after(() => e.t.close());
  return e;
}
