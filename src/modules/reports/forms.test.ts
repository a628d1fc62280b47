// The report screen's sign-off forms are declared once (forms.ts, issue 11 item 2): the report's view
// sends 记录审定, 报送年度报告 and 公开 to those who keep it, 报送 asking to name only the recipients the
// org tree does not know, and each route refuses a body by the same Chinese labels, derived from them.
// 报送 takes the form's named recipients and other ones a line, and the API's list as before.
import assert from 'node:assert/strict';
import { formsContract } from '../../server/testApi.ts';
import { APPROVE_FORM, reportForms } from './forms.ts';
import { approvalMeeting, passReview, reportsTest, reportTo } from './testkit.ts';

reportsTest(
  'the report view serves its declared sign-off forms; the routes refuse by their labels',
  'base',
  async (k) => {
    const { staff, leader, ok, refused } = k;
    const view = await reportTo(k, 'edited');
    // The department's parent is the 示范市人民政府: only the 上一级主管部门 is to be named.
    const declared = reportForms(2025, ['上一级主管部门']);
    assert.deepEqual(
      declared.submit.map((f) => f.name),
      ['superior', 'recipients', 'on'],
    );
    await formsContract({
      refused,
      as: staff,
      served: view.forms,
      declared,
      routes: {
        approve: '/api/reports/2025/approve',
        submit: { url: '/api/reports/2025/submit', body: { superior: '省科学技术厅' } },
        publish: '/api/reports/2025/publish',
      },
    });
    const session = view.forms.approve.find((f: { name: string }) => f.name === 'session');
    assert.equal(session.placeholder, '2026年第1次局长办公会议');
    assert.deepEqual(
      view.forms.approve[0].options.map((o: { label: string }) => o.label),
      ['局长办公会议', '党组（党委）会议'],
    );
    // A session over its declared length, a meeting of no declared kind.
    const url = '/api/reports/2025/approve';
    await refused(
      leader,
      'POST',
      url,
      { ...approvalMeeting, session: '会'.repeat(101) },
      400,
      /会议名称及期次/,
    );
    await refused(
      leader,
      'POST',
      url,
      { ...approvalMeeting, meetingKind: 'plenary' },
      400,
      /审定会议/,
    );
    assert.equal(APPROVE_FORM.at(-1)?.label, '办理日期');
    await passReview(k);
    await ok(leader, 'POST', url, approvalMeeting);
    // 报送 as the form posts it: the named recipient, the others one a line.
    const submit = '/api/reports/2025/submit';
    await refused(staff, 'POST', submit, { on: '2026-02-09' }, 400, /报送单位/);
    await refused(
      staff,
      'POST',
      submit,
      { on: '2026-02-09', superior: '上一级主管部门', recipients: '示范市司法局' },
      400,
      /“上一级主管部门”不是单位名称/,
    );
    const done = await ok(staff, 'POST', submit, {
      on: '2026-02-09',
      superior: '省科学技术厅',
      recipients: '中共示范市委、示范市人民政府\n\n 示范市司法局 ',
    });
    assert.deepEqual(done.submission.recipients, [
      '省科学技术厅',
      '中共示范市委、示范市人民政府',
      '示范市司法局',
    ]);
  },
);
