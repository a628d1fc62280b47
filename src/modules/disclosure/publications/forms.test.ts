// The 指南 and 撤回 forms are declared once (forms.ts, issue 11 item 2): the guide page gets its form
// with the guide, the publication page the 撤回 form from GET /api/disclosure/forms, and each route
// refuses a body by the same Chinese labels, derived from them; a guide saved without its optional
// fields keeps them empty.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type signIn } from '../../../server/testing.ts';
import { formsContract, testApi } from '../../../server/testApi.ts';
import { GUIDE_FORM, PUBLICATION_FORMS } from './forms.ts';
import { publicationUsers, publishViaReview, sampleInput, withReviewer } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session;
let reviewerId = '';
const api = testApi(() => t, ['publications', 'audit_events', 'settings']);

before(async () => {
  t = await createTestApp(); // 2025-03-03
  ({ staff, reviewer, reviewerId } = await publicationUsers(t));
});
after(() => t.close());

test('指南: the page gets the declared form; the route refuses by its labels', async () => {
  const view = await api.ok(staff, 'GET', '/api/disclosure/guide');
  await formsContract({
    ...api,
    as: staff,
    served: { guide: view.form },
    declared: { guide: GUIDE_FORM },
    routes: { guide: { url: '/api/disclosure/guide', method: 'PUT' } },
  });
  const guide = {
    officeName: '示范市科学技术局办公室',
    address: '示范市政务服务中心B座8楼',
    hours: '工作日 8:30-12:00，14:30-17:30',
    phone: '0558-5123456',
    onlineContact: 'kjj@shifan.gov.cn',
  };
  await api.refused(
    staff,
    'PUT',
    '/api/disclosure/guide',
    { ...guide, postcode: '1'.repeat(11) },
    400,
    /邮政编码/,
  );
  const saved = await api.ok(staff, 'PUT', '/api/disclosure/guide', guide);
  assert.deepEqual([saved.guide.postcode, saved.guide.fax, saved.guide.body], ['', '', '']);
});

test('撤回: served at GET /api/disclosure/forms as declared; the route refuses by its labels', async () => {
  const forms = await api.ok(staff, 'GET', '/api/disclosure/forms');
  assert.deepEqual(Object.keys(forms), Object.keys(PUBLICATION_FORMS));
  const res = await publishViaReview(
    t.app,
    staff,
    reviewer,
    withReviewer(sampleInput({ title: '撤回表单测试' }), reviewerId),
  );
  assert.equal(res.statusCode, 200, res.body);
  const url = `/api/publications/${res.json().id}/withdraw`;
  await formsContract({
    ...api,
    as: staff,
    served: forms,
    declared: PUBLICATION_FORMS,
    routes: { withdraw: url },
  });
  await api.refused(staff, 'POST', url, { reason: '误发' }, 400, /撤回理由/);
  await api.ok(staff, 'POST', url, { reason: '误发布需撤回' });
});
