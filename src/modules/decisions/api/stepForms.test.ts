// The decision page's step forms are declared once (stepForms.ts, issue 11 item 2): the page is sent
// the declared fields, and each route refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { STEP_FORMS, type StepForm } from '../stepForms.ts';
import { CATALOGUE_FORMS } from '../catalogueForms.ts';
import { formsContract } from '../../../server/testApi.ts';
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

decisionsTest(
  'step forms: the page gets the declared fields; each route refuses by the labels the form shows',
  'base',
  async ({ staff, ok, refused, drive }) => {
    const id = await drive('participated');
    const view = await ok(staff, 'GET', `/api/decisions/${id}`);
    // An empty body: 400, naming the first required field in the form's own words; nothing changed.
    await formsContract({
      refused,
      as: staff,
      served: view.forms,
      declared: STEP_FORMS,
      routes: Object.fromEntries(
        Object.entries(ROUTE_OF).map(([form, path]) => [form, `/api/decisions/${id}${path}`]),
      ),
    });
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

decisionsTest(
  'catalogue forms: served at GET /api/decisions/forms as declared; the routes refuse by the same labels',
  'base',
  async ({ staff, ok, refused }) => {
    const forms = await ok(staff, 'GET', '/api/decisions/forms');
    const r = await ok(staff, 'POST', '/api/decision-catalogues', { year: 2026 });
    const id = r.items.find((c: { year: number }) => c.year === 2026).id;
    const url = `/api/decision-catalogues/${id}`;
    await formsContract({
      refused,
      as: staff,
      served: forms,
      declared: CATALOGUE_FORMS,
      routes: {
        item: `${url}/items`,
        approval: `${url}/approve`,
        adjustment: `${url}/adjustments`,
      },
    });
  },
);
