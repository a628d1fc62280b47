// 启动重大行政决策 is declared once (startForm.ts, issue 11 item 2): the new-decision page is served
// the form (GET /api/decisions/forms `start`), and POST /api/decisions refuses a body by the same
// Chinese labels, derived from it; what the API took before (nulls, the flags left out) stays accepted.
import assert from 'node:assert/strict';
import { formsContract } from '../../../server/testApi.ts';
import { START_FORM } from '../startForm.ts';
import { decisionsTest, START } from './testkit.ts';

const OUTSIDE = { ...START, outsideCatalogueReason: '年度目录公布后新增的事项' };

decisionsTest(
  'start form: served as declared; the route refuses by the labels the page shows',
  'base',
  async ({ staff, ok, refused }) => {
    const forms = await ok(staff, 'GET', '/api/decisions/forms');
    await formsContract({
      refused,
      as: staff,
      served: forms,
      declared: { start: START_FORM },
      routes: { start: '/api/decisions' },
    });
    // The catalogue select: the page offers the published items, 不在目录中 when none is chosen.
    const item = forms.start.find((f: { name: string }) => f.name === 'catalogueItemId');
    assert.deepEqual(
      [item.type, item.ref, item.required, item.placeholder],
      ['select', true, false, '不在目录中（目录外事项）'],
    );
    const kind = forms.start.find((f: { name: string }) => f.name === 'proposerKind');
    assert.deepEqual(
      kind.options.map((o: { label: string }) => o.label),
      [
        '决策机关领导人员',
        '所属部门或内设机构',
        '下一级人民政府',
        '人大代表、政协委员',
        '公民、法人或者其他组织',
      ],
    );
    // Each refusal names the field as the page labels it.
    const url = '/api/decisions';
    await refused(
      staff,
      'POST',
      url,
      { ...OUTSIDE, undertakingUnit: ' ' },
      400,
      /决策承办单位（牵头）/,
    );
    await refused(staff, 'POST', url, { ...OUTSIDE, initialPlan: '' }, 400, /解决问题的初步方案/);
    await refused(staff, 'POST', url, { ...OUTSIDE, proposerKind: 'media' }, 400, /建议来源/);
    await refused(
      staff,
      'POST',
      url,
      { ...OUTSIDE, riskRelevant: 'yes' },
      400,
      /是否可能对社会稳定、公共安全等造成不利影响/,
    );
    await refused(staff, 'POST', url, { ...OUTSIDE, title: '决'.repeat(201) }, 400, /决策事项名称/);
  },
);

decisionsTest(
  'start form: the bodies the API took before it was declared are taken still',
  'base',
  async ({ staff, ok }) => {
    // Nulls for an empty choice or text; the flags the form starts at 否 and the source left out.
    const { proposerKind: _kind, partyReportRequired: _party, ...rest } = OUTSIDE;
    const v = await ok(staff, 'POST', '/api/decisions', {
      ...rest,
      catalogueItemId: null,
      confidentialReason: null,
      coUnits: '财政科',
      fileIds: [],
    });
    assert.equal(v.decision.title, START.title);
    assert.equal(v.decision.catalogueItemId, null);
    assert.deepEqual(
      [v.decision.confidential, v.decision.hearingPlanned, v.decision.partyReportRequired],
      [false, false, false],
    );
  },
);
