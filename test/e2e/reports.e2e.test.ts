// 法治政府建设年度报告 in a real browser: staff generate the report from the demo records, edit the
// prose, open a figure to see the records behind it, ask the legal officer for the 保密审查 (which she
// passes in her own session), record the approval, submit and publish it; the public reads it on the portal; the oversight body sees it as published and opens
// it read-only. axe finds no serious or critical violations on the way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  askSecrecyReview,
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Report-Passw0rd!';
const PROSE = '我局坚持以习近平法治思想为指导，全面推进依法行政。';
const LAST_PLAN = '全面推行行政执法三项制度。';

test(
  'annual report: generate, edit, trace a figure, approve, publish, read on the portal',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer();
    const base = server.url;
    const year = Number(server.ctx.clock.today().slice(0, 4));
    try {
      await server.createUser({ username: 'e2e_report', password: PW, roles: ['staff'] });
      // The legal office's officer, named by the drafter for the 保密审查 (条例第十七条).
      await server.createUser({
        username: 'e2e_rsec',
        password: PW,
        roles: ['legalOfficer'],
        orgName: '政策法规科',
      });
      await server.createUser({
        username: 'e2e_oversee',
        password: PW,
        roles: ['oversight'],
        orgName: '示范市司法局',
      });
      const staff = await workbenchLogin(browser, base, 'e2e_report', PW);
      // Last year's report gets a plan for this year in its part (四).
      await staff.goto(`${base}/app/reports?year=${year - 1}`);
      await staff.getByRole('button', { name: '根据业务记录生成报告' }).click();
      const lastPlans = staff.getByRole('textbox', { name: '第四部分第1段' });
      await lastPlans.click();
      await staff.keyboard.type(LAST_PLAN);
      await staff.getByRole('button', { name: '保存', exact: true }).click();
      await staff.getByText(/第2版/).waitFor();
      await staff.goto(`${base}/app/reports?year=${year}`);
      await staff.getByRole('button', { name: '根据业务记录生成报告' }).click();
      await staff.getByRole('textbox', { name: '导语第1段' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'report editor');

      // Issue 13 item 10: last year's plan is a reference beside part (四), not this year's text; staff may insert it.
      const plansPart = staff.getByRole('region', { name: /^四、/ });
      await plansPart.getByText(`参考：${year - 1}年度报告所列安排`).waitFor();
      assert.equal(
        await staff.getByRole('textbox', { name: '第四部分第1段' }).innerText(),
        '',
        'part (四) starts empty',
      );
      assert.ok(
        !(
          await staff
            .getByRole('article', { name: '报告正文' })
            .getByRole('textbox')
            .allInnerTexts()
        ).some((x) => x.includes(LAST_PLAN)),
      );
      await plansPart.getByRole('button', { name: '插入参考第1段' }).click();
      assert.equal(
        await staff.getByRole('textbox', { name: '第四部分第2段' }).innerText(),
        LAST_PLAN,
      );

      // Edit the prose: type into the preface; save → a second version.
      const preface = staff.getByRole('textbox', { name: '导语第1段' });
      await preface.click();
      await staff.keyboard.type(PROSE);
      await staff.getByRole('button', { name: '保存', exact: true }).click();
      await staff.getByText(/第2版/).waitFor();
      assert.equal(await preface.innerText(), PROSE);

      // A figure is a reference: clicking it lists the records behind it.
      const chip = staff.locator('.fig[data-key="disclosure.publications.total"]').first();
      await chip.click();
      const drawer = staff.getByRole('dialog');
      await drawer.getByText('数据来源：主动公开政府信息').waitFor();
      await drawer.getByText(/背后的记录（\d+条）/).waitFor();
      assert.ok((await drawer.getByRole('link').count()) >= 1, 'the records are listed with links');
      // Let the drawer's opening animation end (axe reads the colours as they are drawn).
      await staff.waitForFunction(
        () =>
          !document.querySelector('[class*="ant-drawer"][class*="-motion-"]') &&
          [...document.querySelectorAll('.ant-drawer-content-wrapper')].every(
            (e) => getComputedStyle(e).opacity === '1' && getComputedStyle(e).transform === 'none',
          ),
      );
      await assertNoSeriousA11yViolations(staff, 'figure records drawer');
      // The generated sentence becomes text staff can rewrite; its number stays a live reference.
      await drawer.getByRole('button', { name: '改写本句' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await staff
        .locator('.fig[data-key="disclosure.publications.total"][data-form="value"]')
        .first()
        .waitFor();
      await staff.getByRole('button', { name: '保存', exact: true }).click();
      await staff.getByText(/第3版/).waitFor();

      // 保密审查 → 审定 (局长办公会) → 报送 → 公开. The review is the named officer's own act: the drafter
      // names her on the panel; 审定 waits, with the gate's reason, until she passes it in her session.
      await staff.getByText(/审定：年度报告须先通过保密审查/).waitFor();
      await askSecrecyReview(staff, 'e2e_rsec');
      await staff.getByText('待保密审查').first().waitFor();
      assert.equal(await staff.getByRole('button', { name: '保密审查通过' }).count(), 0);
      const officer = await workbenchAt(browser, base, 'e2e_rsec', PW, staff.url());
      await officer.getByRole('button', { name: '保密审查通过' }).click();
      await officer.getByRole('textbox', { name: '审查意见' }).fill('报告不涉及国家秘密，可以公开');
      await officer.getByRole('button', { name: '确认通过' }).click();
      await officer.getByRole('dialog').waitFor({ state: 'hidden' });
      await staff.reload();
      await staff.getByText(/已保密审查 · 第3版/).waitFor();
      await submitDialog(staff, '记录审定', (d) =>
        d.getByLabel('会议名称及期次').fill(`${year + 1}年第2次局长办公会议`),
      );
      await staff.getByText(/所载数据已锁定/).waitFor();
      // 报送: the 上一级主管部门 is named by staff; the dialog submits no placeholder.
      await staff.getByRole('button', { name: '报送', exact: true }).click();
      const submit = staff.getByRole('dialog');
      assert.ok(
        !(await submit.getByLabel('其他报送单位（每行一个）').inputValue()).includes(
          '上一级主管部门',
        ),
      );
      await submit.getByRole('button', { name: /确\s?认/ }).click();
      await submit.getByText('请填写上一级主管部门的名称').waitFor();
      await submit.getByLabel('上一级主管部门（填写单位全称）').fill('上一级主管部门');
      await submit.getByRole('button', { name: /确\s?认/ }).click();
      await submit.getByText('“上一级主管部门”不是单位名称，请填写上一级主管部门的全称').waitFor();
      await submit.getByLabel('上一级主管部门（填写单位全称）').fill('省科学技术厅');
      await submit.getByRole('button', { name: /确\s?认/ }).click();
      await submit.waitFor({ state: 'hidden', timeout: 45_000 });
      await submitDialog(staff, '公开');
      await staff.getByText(/已公开 · 第3版/).waitFor();
      await assertNoSeriousA11yViolations(staff, 'published report');

      // The portal lists and shows the published report.
      const publicCtx = await newAxeContext(browser);
      const portal = await publicCtx.newPage();
      await portal.goto(`${base}/fzzfjs`);
      await portal
        .getByRole('link', { name: `示范市科学技术局${year}年法治政府建设年度报告` })
        .click();
      await portal
        .getByRole('heading', { level: 1, name: `示范市科学技术局${year}年法治政府建设年度报告` })
        .waitFor();
      const text = await portal.locator('main').innerText();
      assert.ok(text.includes(PROSE));
      assert.match(text, new RegExp(`一、${year}年度推进法治政府建设的主要举措和成效`));
      assert.match(text, /主动公开政府信息\d+条/);
      await assertNoSeriousA11yViolations(portal, 'portal report page');

      // The oversight body sees it published and opens it read-only.
      const oversight = await workbenchAt(
        browser,
        base,
        'e2e_oversee',
        PW,
        `${base}/app/reports/oversight?year=${year}`,
      );
      const row = oversight.getByRole('row', { name: /示范市科学技术局/ });
      await row.getByText('已公开').waitFor();
      await assertNoSeriousA11yViolations(oversight, 'oversight view');
      await row.getByRole('link', { name: '示范市科学技术局' }).click();
      await oversight.getByText(/监督查看/).waitFor();
      assert.equal(
        await oversight.getByRole('textbox', { name: '导语第1段' }).count(),
        0,
        'read-only: no editable paragraphs',
      );
      assert.equal(await oversight.getByRole('button', { name: '保存', exact: true }).count(), 0);
      await assertNoSeriousA11yViolations(oversight, 'oversight report view');
      await publicCtx.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
