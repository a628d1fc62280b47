// The meetings' forms are declared once (forms.ts, issue 11 item 2): the list page is served 安排会议
// (GET /api/meetings/forms), the meeting page gets 增加议题 and 登记会议记录 with the meeting, and each
// route refuses a body by the same Chinese labels, derived from them. The form posts the linked record
// alone and the 列席 representatives one a line; the API's type + id and list stay accepted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { DOCUMENT_DRAFT } from '../../server/testDocuments.ts';
import { LIST_FORMS, MEETING_FORMS } from './forms.ts';

const PW = 'Meeting-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
const api = testApi(() => t, ['meetings', 'meeting_agenda_items', 'case_events', 'audit_events']);

before(async () => {
  t = await createBaseApp(); // 2025-03-03
  await addUser(t.ctx, { username: 'mf', password: PW, roles: ['staff'] });
  staff = await signIn(t.app, 'mf', PW);
});
after(() => t.close());

test('the list page gets the declared form; the route refuses by its labels', async () => {
  const served = await api.ok(staff, 'GET', '/api/meetings/forms');
  assert.deepEqual(Object.keys(served), Object.keys(LIST_FORMS));
  await formsContract({
    ...api,
    as: staff,
    served,
    declared: LIST_FORMS,
    routes: { create: '/api/meetings' },
  });
  assert.deepEqual(
    served.create[0].options.map((o: { label: string }) => o.label),
    ['局长办公会', '党组会'],
  );
  // An option outside the declared ones; a text over its declared limit.
  const body = { kind: 'directorsOffice', meetingOn: '2025-03-03' };
  await api.refused(staff, 'POST', '/api/meetings', { ...body, kind: 'plenary' }, 400, /会议类型/);
  await api.refused(
    staff,
    'POST',
    '/api/meetings',
    { ...body, location: '会'.repeat(101) },
    400,
    /会议地点/,
  );
});

test('the meeting page gets its declared forms; each route refuses by their labels', async () => {
  const doc = (await api.ok(staff, 'POST', '/api/documents', DOCUMENT_DRAFT)).document;
  const v = await api.ok(staff, 'POST', '/api/meetings', {
    kind: 'directorsOffice',
    meetingOn: '2025-03-03',
    location: '三楼会议室',
  });
  const url = `/api/meetings/${v.meeting.id}`;
  await formsContract({
    ...api,
    as: staff,
    served: v.forms,
    declared: MEETING_FORMS,
    routes: { topic: `${url}/agenda`, held: `${url}/held` },
  });
  // 关联事项 offers the department's records by id, named with their type.
  const subject = v.forms.topic.find((f: { name: string }) => f.name === 'subjectId');
  assert.deepEqual(
    subject.options.find((o: { value: string }) => o.value === doc.id),
    { value: doc.id, label: `行政规范性文件：${DOCUMENT_DRAFT.title}` },
  );
  await api.refused(
    staff,
    'POST',
    `${url}/agenda`,
    { title: '议'.repeat(201), isPublic: false },
    400,
    /议题名称/,
  );
  await api.refused(
    staff,
    'POST',
    `${url}/agenda`,
    { title: '不存在的事项', subjectId: '00000000-0000-4000-8000-000000000001' },
    400,
    /关联事项：本部门没有该事项/,
  );
  // The form's values as the page posts them: the record alone; its type is found from it.
  const w = await api.ok(staff, 'POST', `${url}/agenda`, {
    title: '审议创新券管理办法',
    subjectId: doc.id,
    isPublic: false,
  });
  assert.deepEqual(
    w.agenda.map((a: { subjectType: string; subjectId: string }) => [a.subjectType, a.subjectId]),
    [['normativeDocument', doc.id]],
  );
  // 列席的公众代表 one a line, as the form asks; more than the list takes is refused by its label.
  const many = Array.from({ length: 51 }, (_, i) => `代表${i}，居民代表`).join('\n');
  await api.refused(
    staff,
    'POST',
    `${url}/held`,
    { attendees: '局长、副局长', publicAttendees: many, minutes: '会议审议了创新券管理办法。' },
    400,
    /列席的公众代表/,
  );
  const held = await api.ok(staff, 'POST', `${url}/held`, {
    attendees: '局长、副局长',
    publicAttendees: '赵某，企业代表\n钱某',
    minutes: '会议审议了创新券管理办法，同意印发。',
  });
  assert.deepEqual(held.meeting.publicAttendees, [
    { name: '赵某', identity: '企业代表' },
    { name: '钱某', identity: '公众代表' },
  ]);
});
