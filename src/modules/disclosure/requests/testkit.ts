/** The portal side of the 依申请公开 tests: a CSRF-carrying session, the apply form, the tracking code. */
import assert from 'node:assert/strict';
import type { createTestApp } from '../../../server/testing.ts';

export type App = Awaited<ReturnType<typeof createTestApp>>;
export const PW = 'Disclosure-Test-Passw0rd!';

export async function portalSession(app: App['app']) {
  const res = await app.inject({ method: 'GET', url: '/xxgk/apply' });
  assert.equal(res.statusCode, 200);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1];
  const cookie = `fazhi_pcsrf=${res.cookies.find((c) => c.name === 'fazhi_pcsrf')!.value}`;
  return { token, cookie };
}

export async function submit(app: App['app'], fields: Record<string, string>) {
  const s = await portalSession(app);
  return app.inject({
    method: 'POST',
    url: '/xxgk/apply',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: s.token, ...fields }).toString(),
  });
}

export const codeOf = (location: string) => /\/xxgk\/track\/([a-z2-7]{32})/.exec(location)![1];

export const PERSON = {
  applicantKind: 'naturalPerson',
  name: '李四<script>alert(1)</script>',
  idType: 'idCard',
  idNumber: '110101199003070011',
  phone: '13912345678',
  description: '2024年度科技创新券发放名单',
  form: 'electronic',
  delivery: 'email',
  email: 'li4@example.cn',
};
