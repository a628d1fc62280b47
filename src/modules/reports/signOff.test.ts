// 法治政府建设年度报告 through the API on a real database, the sign-off: 保密审查 → approval (figures
// freeze) → submission → publication with the refusals in between, the portal and revisions after
// publication with the version comparison, and the exports of the submitted report.
// Each test makes its own report (./testkit.ts over server/testing.ts, which puts this file in the
// runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import type { ReportDocument } from './document.ts';
import { findSoffice } from './export.ts';
import { approvalMeeting, passReview, reportsTest, reportTo } from './testkit.ts';

reportsTest(
  '保密审查, approval by the 局长办公会 (figures freeze), submission, publication; refusals change nothing',
  'base',
  async (k) => {
    const { staff, leader, ok, refused, day } = k;
    let view = await reportTo(k, 'edited');
    const meeting = approvalMeeting;
    // The acts the screen offers are the engine's for the status (issue 11 item 3): while drafting,
    // redrafting (the 保密审查 is the shared panel's); after it, the approval only — for staff and leaders alike.
    const acts = (over: Partial<Record<string, boolean>>) => ({
      approve: false,
      submit: false,
      publish: false,
      regenerate: false,
      ...over,
    });
    view = await ok(staff, 'GET', '/api/reports/2025');
    assert.equal(view.status, 'drafting');
    assert.deepEqual(view.acts, acts({ regenerate: true }));
    await refused(
      staff,
      'POST',
      '/api/reports/2025/publish',
      { on: '2026-02-09' },
      409,
      /尚未经党组（党委）会议或局长办公会议审定，不能公开/,
    );
    await refused(staff, 'POST', '/api/reports/2025/approve', meeting, 409, /须先通过保密审查/);
    await refused(
      staff,
      'POST',
      '/api/reports/2025/submit',
      { on: '2026-02-09', recipients: ['示范市人民政府'] },
      409,
      /尚未经.*审定，不能报送/,
    );
    // 保密审查 (《政府信息公开条例》第十七条) is the named reviewer's own act: the drafter names the legal
    // officer's account (never their own), and the step waits in her 我的待办.
    const caseId = view.caseId as string;
    const secrecy = `/api/cases/${caseId}/secrecy-review`;
    const offered = (await ok(staff, 'GET', secrecy)).reviewers as { id: string; name: string }[];
    assert.ok(!offered.some((r) => r.name === 'rs'), 'the drafter is not offered');
    const rsec = offered.find((r) => r.name === 'rsec')!;
    await ok(staff, 'POST', secrecy, { reviewerId: rsec.id });
    const todo = async (s: typeof staff) =>
      ((await ok(s, 'GET', '/api/worklist')).items as { caseId: string; stepLabel: string }[]).some(
        (i) => i.caseId === caseId && i.stepLabel === '保密审查',
      );
    assert.equal(await todo(k.reviewer), true, "in the reviewer's 我的待办");
    assert.equal(await todo(staff), false);
    await refused(
      staff,
      'POST',
      `${secrecy}/decision`,
      { approve: true },
      409,
      /不能由起草人本人进行保密审查/,
    );
    await refused(leader, 'POST', `${secrecy}/decision`, { approve: true }, 403, /须由其本人审查/);
    // Until it passes, 审定 is refused with the gate's reason.
    const early = await k.call(leader, 'POST', '/api/reports/2025/approve', meeting);
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().error.reason, 'secrecy_review_missing');
    assert.match(early.json().error.message, /须先通过保密审查/);
    await ok(k.reviewer, 'POST', `${secrecy}/decision`, {
      approve: true,
      opinion: '经审查，报告不涉及国家秘密和工作秘密，可以公开。',
    });
    assert.equal(await todo(k.reviewer), false, 'decided: gone from her 我的待办');
    view = await ok(staff, 'GET', '/api/reports/2025');
    assert.equal(view.status, 'reviewed');
    assert.deepEqual(view.acts, acts({ approve: true }));
    assert.deepEqual((await ok(leader, 'GET', '/api/reports/2025')).acts, acts({ approve: true }));
    await refused(staff, 'POST', secrecy, { reviewerId: rsec.id }, 409, /不能提请保密审查/);
    view = await ok(leader, 'POST', '/api/reports/2025/approve', meeting);
    assert.equal(view.status, 'approved');
    assert.equal(view.version.frozen, true);
    await refused(
      leader,
      'POST',
      '/api/reports/2025/approve',
      meeting,
      409,
      /已于2026-02-09经2026年第3次局长办公会议审定，不能重复审定/,
    );
    await refused(
      staff,
      'POST',
      '/api/reports/2025/publish',
      { on: '2026-02-09' },
      409,
      /须先报送/,
    );
    // Frozen: a new study session after approval does not change the approved figures.
    await ok(staff, 'POST', '/api/reports/study/sessions', {
      heldOn: '2025-12-01',
      kind: 'lecture',
      topic: '民法典专题讲座',
      speaker: '陈律师',
      durationMinutes: 60,
      attendees: 30,
      ledByHead: false,
    });
    view = await ok(staff, 'GET', '/api/reports/2025');
    assert.equal(view.figures['study.sessions'].value, 2);
    assert.equal(view.changes.length, 0);
    // Editing an approved report needs an explicit revision.
    await refused(
      staff,
      'PUT',
      '/api/reports/2025',
      { baseVersionId: view.version.id, content: view.document },
      409,
      /修改将生成新的修订版本/,
    );
    await day('2026-02-10');
    // The dialog's kinds of recipient are not recipients (issue 13 item 10): the 上一级主管部门 is named.
    const defaults = (await ok(staff, 'GET', '/api/reports/2025')).recipients;
    assert.deepEqual(defaults.toName, ['上一级主管部门']);
    assert.ok(
      !defaults.known.includes('上一级主管部门') &&
        defaults.known.includes('中共示范市委、示范市人民政府'),
      defaults.known.join('、'),
    );
    await refused(
      staff,
      'POST',
      '/api/reports/2025/submit',
      {
        on: '2026-02-10',
        recipients: ['中共示范市委、示范市人民政府', '上一级主管部门', '示范市司法局'],
      },
      400,
      /报送单位：“上一级主管部门”不是单位名称/,
    );
    view = await ok(staff, 'POST', '/api/reports/2025/submit', {
      on: '2026-02-10',
      recipients: ['中共示范市委、示范市人民政府', '省科学技术厅', '示范市司法局'],
    });
    assert.equal(view.status, 'submitted');
    assert.deepEqual(view.acts, acts({ publish: true }));
    await refused(
      staff,
      'POST',
      '/api/reports/2025/submit',
      { on: '2026-02-10', recipients: ['示范市人民政府'] },
      409,
      /不能重复报送/,
    );
    view = await ok(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-10' });
    assert.equal(view.status, 'published');
    // The published report records the passing review: the reviewer's account, not a typed name.
    assert.deepEqual(
      { reviewer: view.review.reviewer, reviewerId: view.review.reviewerId, on: view.review.on },
      { reviewer: 'rsec', reviewerId: rsec.id, on: '2026-02-09' },
    );
    assert.deepEqual(
      view.deadlines.steps.map((s: { step: string; status: string }) => [s.step, s.status]),
      [
        ['publish', 'done'],
        ['secrecyReview', 'done'],
        ['submit', 'done'],
      ],
    );
    await refused(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-10' }, 409, /已公开/);
  },
);

reportsTest(
  'the portal shows the published version; a revision is a new version and the published one stays',
  'base',
  async (k) => {
    const { t, staff, ok, refused } = k;
    let view = await reportTo(k, 'published');
    const list = await t.app.inject({ method: 'GET', url: '/fzzfjs' });
    assert.equal(list.statusCode, 200);
    const id = /href="\/fzzfjs\/([0-9a-f-]{36})"/.exec(list.body)![1];
    const page = await t.app.inject({ method: 'GET', url: `/fzzfjs/${id}` });
    assert.match(
      page.body,
      /<h1 id="report-title">示范市科学技术局2025年法治政府建设年度报告<\/h1>/,
    );
    assert.match(page.body, /<h2>一、2025年度推进法治政府建设的主要举措和成效<\/h2>/);
    assert.match(page.body, /执法人员总数达18名/);
    assert.match(page.body, /组织领导干部学法2次/);
    const doc = structuredClone(view.document) as ReportDocument;
    doc.preface[0].inlines = [{ t: 'text', text: '修订后的导语。' }];
    await refused(
      staff,
      'PUT',
      '/api/reports/2025',
      { baseVersionId: view.version.id, content: doc },
      409,
      /确认修订/,
    );
    view = await ok(staff, 'PUT', '/api/reports/2025', {
      baseVersionId: view.version.id,
      content: doc,
      revise: { reason: '更正导语' },
    });
    assert.equal(view.status, 'drafting');
    assert.equal(view.version.frozen, false);
    assert.equal(view.figures['study.sessions'].value, 3, 'a revision is live again');
    assert.equal(view.review, null);
    // The revision needs its own 保密审查: 审定 is refused until a new request passes.
    await refused(
      k.leader,
      'POST',
      '/api/reports/2025/approve',
      { ...approvalMeeting, on: '2026-02-10' },
      409,
      /须先通过保密审查/,
    );
    await passReview(k);
    assert.equal((await ok(staff, 'GET', '/api/reports/2025')).status, 'reviewed');
    const after = await t.app.inject({ method: 'GET', url: `/fzzfjs/${id}` });
    assert.match(after.body, /执法人员总数达18名/);
    assert.doesNotMatch(after.body, /修订后的导语/);
    const versions = await ok(staff, 'GET', '/api/reports/2025/versions');
    assert.deepEqual(
      versions.map((v: { seq: number; published: boolean; origin: string }) => [
        v.seq,
        v.published,
        v.origin,
      ]),
      [
        [3, false, 'revision'],
        [2, true, 'edited'],
        [1, false, 'generated'],
      ],
    );
    const cmp = await ok(
      staff,
      'GET',
      `/api/reports/2025/compare?from=${versions[1].id}&to=${versions[0].id}`,
    );
    assert.ok(
      cmp.ops.some(
        (o: { op: string; before?: string; after?: string }) =>
          o.op === 'changed' &&
          /执法人员总数达18名/.test(o.before!) &&
          o.after === '修订后的导语。',
      ),
    );
    assert.ok(
      cmp.ops.some(
        (o: { op: string; before?: string; after?: string }) =>
          o.op === 'changed' && /学法2次/.test(o.before!) && /学法3次/.test(o.after!),
      ),
      'the changed figure shows in the comparison',
    );
  },
);

reportsTest(
  'exports: the .docx of the submitted report for oversight; PDF only with LibreOffice',
  'base',
  async (k) => {
    const { staff, oversight, deptId, call } = k;
    await reportTo(k, 'submitted');
    const res = await call(oversight, 'GET', `/api/reports/2025/docx?department=${deptId}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const { default: JSZip } = await import('jszip');
    const xml = await (
      await JSZip.loadAsync(res.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    assert.match(xml, /组织领导干部学法2次/, 'the submitted version, with its frozen figures');
    const pdf = await call(staff, 'GET', '/api/reports/2025/pdf');
    if (!(await findSoffice())) {
      assert.equal(pdf.statusCode, 503);
      assert.match(pdf.json().error.message, /未安装 LibreOffice/);
    } else assert.equal(pdf.headers['content-type'], 'application/pdf');
  },
);
