// The 指南 and 撤回 forms are declared once (forms.ts, issue 11 item 2): the guide page gets its form
// with the guide, the publication page the 撤回 form from GET /api/disclosure/forms, and each route
// refuses a body by the same Chinese labels, derived from them; a guide saved without its optional
// fields keeps them empty.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type signIn } from '../../../server/testing.ts';
import { formsContract, testApi } from '../../../server/testApi.ts';
import { GUIDE_FORM, PUBLICATION_FORMS, PUBLISH_FORM } from './forms.ts';
import { confidentialityReviewers } from './reviewers.ts';
import {
  actorOf,
  publicationUsers,
  publishViaReview,
  sampleInput,
  withReviewer,
} from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session;
let reviewerId = '';
const api = testApi(() => t, ['publications', 'publication_requests', 'audit_events', 'settings']);

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

test('发布主动公开信息: served with the meta as declared, its options those of the moment; each required field left out is refused by its label', async () => {
  const meta = await api.ok(staff, 'GET', '/api/publications/meta');
  type Served = { name: string; options?: Array<{ value: string; label: string }> };
  const served = (name: string) => (meta.form as Served[]).find((f) => f.name === name);
  // The 组配分类 and 主题分类 of the settings, the department's other accounts as 保密审查人.
  const codes = (list: Array<{ code: string; label: string }>) =>
    list.map((c) => ({ value: c.code, label: c.label }));
  assert.deepEqual(served('category')?.options, codes(meta.categories));
  assert.deepEqual(served('topic')?.options, codes(meta.topics));
  assert.deepEqual(
    served('reviewerId')?.options,
    (await confidentialityReviewers(t.ctx.db, await actorOf(t.ctx, 'pub-staff'))).map((r) => ({
      value: r.id,
      label: r.name,
    })),
  );
  assert.ok(served('reviewerId')?.options?.some((o) => o.value === reviewerId));
  const full: Record<string, unknown> = {
    title: '发布表单测试',
    category: 'plan',
    topic: 'scienceLaw',
    formedOn: '2025-02-20',
    body: '正文。',
    confidentialityReview: { reviewerId },
  };
  const required = PUBLISH_FORM.filter((f) => f.required).map((f) => f.name);
  assert.deepEqual(required, ['title', 'category', 'topic', 'formedOn', 'body', 'reviewerId']);
  for (const name of required) {
    const { [name]: _left, ...body } = full;
    await formsContract({
      ...api,
      as: staff,
      served: { publish: meta.form },
      declared: { publish: PUBLISH_FORM },
      routes: {
        publish: {
          url: '/api/publications',
          body: name === 'reviewerId' ? { ...body, confidentialityReview: {} } : body,
        },
      },
    });
  }
  // The 首次发布渠道 the form asks for an earlier 发布日期: the service names it.
  await api.refused(
    staff,
    'POST',
    '/api/publications',
    { ...full, publishedOn: '2025-02-28' },
    400,
    /首次发布渠道/,
  );
  // Left empty as null (the API's older callers) or as an empty text, 文号 and 首次发布渠道 are none.
  const asked = await api.ok(staff, 'POST', '/api/publications', {
    ...full,
    docNumber: null,
    publishedVia: '',
  });
  assert.equal(asked.input.docNumber ?? null, null);
  assert.deepEqual(asked.input.keywords ?? [], []);
});
