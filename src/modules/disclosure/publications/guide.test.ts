import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addUser, createTestApp, orgIdByName, signIn } from '../../../server/testing.ts';
import { getGuide } from './guide.ts';
import { auditEvents } from '../../../core/audit/schema.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, leader: Session, legal: Session, sys: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, {
    username: 'g-staff',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'g-leader',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, {
    username: 'g-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'g-sys',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  staff = await signIn(t.app, 'g-staff', 'Staff-pass-2025');
  leader = await signIn(t.app, 'g-leader', 'Leader-pass-2025');
  legal = await signIn(t.app, 'g-legal', 'Legal-pass-2025');
  sys = await signIn(t.app, 'g-sys', 'Sys-pass-2025');
});
after(() => t.close());

const guide = {
  officeName: '示范市科学技术局办公室',
  address: '示范市政务服务中心B座8楼',
  postcode: '236800',
  hours: '工作日 8:30-12:00，14:30-17:30',
  phone: '0558-5123456',
  fax: '0558-5123457',
  onlineContact: 'kjj@shifan.gov.cn',
  body: '一、主动公开\n本机关通过门户网站公开政府信息。',
};
const put = (s: Session, body: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/disclosure/guide',
    headers: s.headers,
    payload: body as object,
  });

test('a department that never edited its guide gets the defaults, marked as not yet updated', async () => {
  const justice = await orgIdByName(t.ctx, '示范市司法局');
  const g = await getGuide(t.ctx.db, justice, 0);
  assert.equal(g.updatedOn, null);
  assert.equal(g.officeName, '');
  assert.match(g.body, /20个工作日/);
});

test('staff and leaders edit the 指南 (条例 Art 12 fields); legal officers and administrators may not', async () => {
  assert.equal((await put(legal, guide)).statusCode, 403);
  assert.equal((await put(sys, guide)).statusCode, 403);
  const missing = await put(staff, { ...guide, fax: undefined, phone: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().error.message, /联系电话/);
  const ok = await put(staff, guide);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().guide.updatedOn, '2025-03-03');
  assert.equal((await put(leader, { ...guide, hours: '工作日 9:00-17:00' })).statusCode, 200);
  const read = await t.app.inject({ url: '/api/disclosure/guide', headers: legal.headers });
  assert.equal(read.json().guide.hours, '工作日 9:00-17:00');
  assert.equal(read.json().canEdit, false);
  const events = await t.ctx.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'disclosure.guide.update'));
  assert.equal(events.length, 3, 'the demo edit and these two');

  const page = await t.app.inject({ url: '/xxgk/guide' });
  for (const v of [
    '示范市科学技术局办公室',
    '工作日 9:00-17:00',
    '0558-5123457',
    'kjj@shifan.gov.cn',
    '236800',
    '本机关通过门户网站公开政府信息。',
  ])
    assert.ok(page.body.includes(v), v);
});
