// The decision page's step forms are declared once (stepForms.ts, issue 11 item 2): the page is sent
// the declared fields, and each route refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { STEP_FORMS, type StepForm } from '../stepForms.ts';
import { CATALOGUE_FORMS } from '../catalogueForms.ts';
import { decisionsTest } from './testkit.ts';

const ROUTE_OF: Record<StepForm, string> = {
  comment: '/comment/open',
  participation: '/participation',
  legalReview: '/legal-review',
  meeting: '/meeting',
  decide: '/decision',
  publish: '/publish',
  adjust: '/adjust',
  disposition: `/comments/${crypto.randomUUID()}/disposition`,
  evidence: '/evidence',
};
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

decisionsTest(
  'step forms: the page gets the declared fields; each route refuses by the labels the form shows',
  'base',
  async ({ staff, ok, refused, drive }) => {
    const id = await drive('participated');
    const view = await ok(staff, 'GET', `/api/decisions/${id}`);
    for (const [form, fields] of Object.entries(STEP_FORMS) as Array<[StepForm, FieldList]>) {
      const shown = view.forms[form] as Array<{ name: string; label: string; required: boolean }>;
      assert.deepEqual(
        shown.map((f) => [f.name, f.label, f.required]),
        fields.map((f) => [f.name, f.label, !!f.required]),
        form,
      );
      // An empty body: 400, naming the first required field in the form's own words; nothing changed.
      const first = fields.find((f) => f.required)!;
      await refused(
        staff,
        'POST',
        `/api/decisions/${id}${ROUTE_OF[form]}`,
        {},
        400,
        new RegExp(esc(first.label)),
      );
    }
    // An option outside the declared ones, and a text over its declared limit.
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/adjust`,
      { kind: 'later', reason: '依据新的政策', decidedAt: '局长办公会' },
      400,
      /调整类型/,
    );
    await refused(
      staff,
      'POST',
      `/api/decisions/${id}/meeting`,
      { meetingId: crypto.randomUUID(), publicSummary: '说'.repeat(2001) },
      400,
      /公开的议题说明/,
    );
    // The meetings offered are the department's upcoming ones, as choices of the declared select.
    const meeting = view.forms.meeting.find((f: { name: string }) => f.name === 'meetingId');
    assert.equal(meeting.type, 'select');
    assert.ok(Array.isArray(meeting.options));
    const isPublic = view.forms.meeting.find((f: { name: string }) => f.name === 'isPublic');
    assert.equal(isPublic.type, 'boolean');
  },
);

type FieldList = ReadonlyArray<{ name: string; label: string; required?: boolean }>;

decisionsTest(
  'catalogue forms: served at GET /api/decisions/forms as declared; the routes refuse by the same labels',
  'base',
  async ({ staff, ok, refused }) => {
    const forms = await ok(staff, 'GET', '/api/decisions/forms');
    for (const [form, fields] of Object.entries(CATALOGUE_FORMS) as Array<[string, FieldList]>)
      assert.deepEqual(
        forms[form].map((f: { name: string; label: string }) => [f.name, f.label]),
        fields.map((f) => [f.name, f.label]),
        form,
      );
    const r = await ok(staff, 'POST', '/api/decision-catalogues', { year: 2026 });
    const id = r.items.find((c: { year: number }) => c.year === 2026).id;
    for (const [path, label] of [
      ['/items', '事项名称'],
      ['/approve', '同意日期'],
      ['/adjustments', '调整理由'],
    ])
      await refused(
        staff,
        'POST',
        `/api/decision-catalogues/${id}${path}`,
        {},
        400,
        new RegExp(label),
      );
  },
);
