/**
 * The hotline tests' app: the demo, one account per role in the demo bureau's divisions, and the
 * platform's push with the token a test has created (`h.token`). `useHotlineTest()` registers the
 * before/after hooks of the calling test file.
 */
import { after, before } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { IMPORT_PATH } from './routes.ts';

export type Session = Awaited<ReturnType<typeof signIn>>;

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface HotlineTest {
  t: TestApp;
  office: Session;
  division: Session;
  other: Session;
  leader: Session;
  admin: Session;
  legal: Session;
  token: string;
  api: ReturnType<typeof testApi>;
  ticket: (no: string, extra?: Record<string, unknown>) => Record<string, unknown>;
  push: (tickets: unknown[], auth?: string) => Promise<LightMyRequestResponse>;
  idOf: (no: string) => Promise<string>;
}

export function useHotlineTest(ready: () => void = () => {}): HotlineTest {
  const h: HotlineTest = {
    t: undefined as unknown as TestApp,
    office: undefined as unknown as Session,
    division: undefined as unknown as Session,
    other: undefined as unknown as Session,
    leader: undefined as unknown as Session,
    admin: undefined as unknown as Session,
    legal: undefined as unknown as Session,
    /** The platform's token, once a test has created it. */
    token: '',
    api: testApi(
      () => h.t,
      [
        'hotline_tickets',
        'cases',
        'case_events',
        'hotline_ratings',
        'audit_events',
        'disclosure_requests',
      ],
    ),
    ticket: (no, extra = {}) => ({
      ticketNo: no,
      channel: 'phone',
      receivedAt: '2025-02-24T09:30:00+08:00',
      kind: 'complain',
      content: '反映某孵化器违规收取入驻企业费用。',
      citizen: { name: '张三丰', phone: '13812345678', idNumber: '110101199001011234' },
      ...extra,
    }),
    push: (tickets, auth = `Bearer ${h.token}`) =>
      h.t.app.inject({
        method: 'POST',
        url: IMPORT_PATH,
        headers: { authorization: auth },
        payload: { tickets },
      }),
    idOf: async (no) =>
      (
        await queryRows<{ id: string }>(
          h.t.ctx.db,
          sql`select id from hotline_tickets where ticket_no = ${no}`,
        )
      )[0].id,
  };
  before(async () => {
    h.t = await createTestApp();
    const users: Array<[string, string, string]> = [
      ['ho', 'staff', '办公室'],
      ['hd', 'staff', '高新技术科'],
      ['hx', 'staff', '成果转化与区域创新科'],
      ['hl', 'leader', '示范市科学技术局'],
      ['ha', 'sysAdmin', '办公室'],
      ['hg', 'legalOfficer', '政策法规科'],
    ];
    for (const [u, role, org] of users)
      await addUser(h.t.ctx, {
        username: u,
        password: 'Hotline-pass-2025',
        roles: [role as 'staff'],
        orgName: org,
      });
    [h.office, h.division, h.other, h.leader, h.admin, h.legal] = await Promise.all(
      ['ho', 'hd', 'hx', 'hl', 'ha', 'hg'].map((u) => signIn(h.t.app, u, 'Hotline-pass-2025')),
    );
    ready();
  });
  after(() => h.t.close());
  return h;
}
