/** The portal side of the 依申请公开 tests: a CSRF-carrying session, the apply and 补正 forms, the tracking code. */
import assert from 'node:assert/strict';
import type { createTestApp } from '../../../server/testing.ts';
import { portalSession, postPortalForm } from '../../../portal/testApp.ts';

export type App = Awaited<ReturnType<typeof createTestApp>>;
export const PW = 'Disclosure-Test-Passw0rd!';

/** A portal form posted as a browser does: in a fresh session, with its CSRF token. */
export async function postForm(app: App['app'], url: string, fields: Record<string, string>) {
  const s = await portalSession(app, '/xxgk/apply');
  assert.equal(s.page.statusCode, 200);
  return postPortalForm(app, url, s, fields);
}

export const submit = (app: App['app'], fields: Record<string, string>) =>
  postForm(app, '/xxgk/apply', fields);

/** The applicant's 补正 of the bare request in requests.test.ts and answered.test.ts. */
export const supplementBare = (app: App['app'], code: string) =>
  postForm(app, `/xxgk/track/${code}/supplement`, {
    name: '王五',
    idNumber: '110101198001010022',
    phone: '13700000000',
    description: '2024年科技项目验收结果',
  });

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
