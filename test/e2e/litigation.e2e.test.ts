// 行政复议 in a real browser: the legal office registers a 复议 against one of the bureau's 政府信息公开
// answers, submits the 书面答复 with its evidence, records the decision (撤销); table 四 of the disclosure
// annual report and the 法治政府建设年度报告 figure (纠错率) follow the record. The screens are axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { orgIdByName, startTestServer } from '../../src/server/testing.ts';
import { newId } from '../../src/core/clock.ts';
import { systemActor } from '../../src/core/auth/actor.ts';
import { decideOnSpot } from '../../src/modules/penalties/actsSummary.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const CASE_NO = '示政复〔2025〕5号';
const CORRECTED = '行政复议 结果纠正 1件';

test(
  'a 复议 against a disclosure answer feeds table 四 and the annual report',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_lit', password: PW, roles: ['leader'] });
      const page = await workbenchLogin(browser, base, 'e2e_lit', PW);

      // Table 四 before: nothing counted.
      await page.goto(`${base}/app/disclosure/report?year=2025`);
      await page.getByRole('heading', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
      assert.equal(await page.getByRole('button', { name: CORRECTED }).count(), 0);
      const before = await (
        await page.request.get(`${base}/api/litigation/facts?year=2025`)
      ).json();
      assert.equal(
        before.facts.find((f: { key: string }) => f.key === 'litigation.reconsideration.received')
          .value,
        0,
      );

      // Register from the 复议机构's copy, linked to the bureau's own answer.
      await page.goto(`${base}/app/litigation`);
      await page.getByRole('button', { name: '登记行政复议' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'case list');
      await submitDialog(page, '登记行政复议', async (d) => {
        await d.getByLabel('案号').fill(CASE_NO);
        await d.getByLabel('申请人').fill('李某');
        await d.getByLabel('复议机关', { exact: true }).fill('示范市人民政府');
        await d.getByLabel('行政行为类型').selectOption({ label: '政府信息公开申请答复' });
        const record = d.getByLabel('本机关的记录');
        await record.locator('option').nth(1).waitFor({ state: 'attached' });
        await record.selectOption({ index: 1 });
        await d.getByLabel('收到复议申请书副本日期').fill('2025-03-03');
        await d.getByLabel('收到复议申请书副本日期').press('Enter');
      });
      await page.getByRole('heading', { name: `行政复议：${CASE_NO}` }).waitFor();
      await page.getByText('书面答复期限').waitFor();
      await page.getByText('2025-03-17').waitFor();
      await assertNoSeriousA11yViolations(page, 'case page');

      // The answer with its evidence (gathered before the case), then the decision.
      await submitDialog(page, '提交书面答复和证据', async (d) => {
        await d.getByLabel('答复要点').fill('被申请人已依法作出答复，事实清楚，程序合法。');
        await d.getByLabel('证据').fill('政府信息公开申请登记表 2025-01-10');
      });
      await page.getByText('按期', { exact: true }).waitFor();
      await page.getByRole('link', { name: /下载答复书/ }).waitFor();
      await submitDialog(page, '登记复议决定', async (d) => {
        await d.getByLabel('复议决定', { exact: true }).selectOption({ label: '撤销' });
        await d.getByLabel('需要纠正行政行为').selectOption({ label: '是' });
      });
      await page.getByText(/撤销（结果纠正/).waitFor();
      await assertNoSeriousA11yViolations(page, 'case page (decided)');

      // Table 四 after: one 纠正 under 行政复议, with the case behind it.
      await page.goto(`${base}/app/disclosure/report?year=2025`);
      await page.getByRole('button', { name: CORRECTED }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('link', { name: CASE_NO }).waitFor();
      await page.waitForFunction(
        () =>
          !document.querySelector('[class*="ant-drawer"][class*="-motion-"]') &&
          [...document.querySelectorAll('.ant-drawer-content-wrapper')].every(
            (e) => getComputedStyle(e).opacity === '1' && getComputedStyle(e).transform === 'none',
          ),
      );
      await assertNoSeriousA11yViolations(page, 'table 四 drill-down');

      // The 法治政府建设年度报告 carries the 纠错率 from the same record.
      await page.goto(`${base}/app/reports?year=2025`);
      await page.getByRole('button', { name: '根据业务记录生成报告' }).click();
      const fig = page
        .locator('.fig[data-key="litigation.reconsideration.correctionRate"]')
        .first();
      await fig.waitFor();
      assert.match(await fig.innerText(), /100/);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

// A 复议 against one of the bureau's 行政处罚决定: the registration form offers the decided cases, the case
// page links to the decision and shows when the 复议机关 must decide (行政复议法 Art 62: 60日 from 受理),
// marked once passed with no decision recorded — while the bureau's 我的待办 has nothing overdue for it.
test(
  "a 复议 against a penalty decision shows the 复议机关's decision date on the case",
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      const departmentId = await orgIdByName(server.ctx, '示范市科学技术局');
      const officers = [newId(), newId()];
      for (const [i, id] of officers.entries()) {
        await server.ctx.db
          .execute(sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at)
        values (${id}, ${departmentId}, ${`执法${i}`}, ${`ZF9${i}`}, '2023-01-01', '2027-12-31', 'active', now(), now())`);
      }
      const penalty = await decideOnSpot(
        server.ctx,
        systemActor({ departmentId, roles: ['leader'] }),
        {
          partyKind: 'organisation',
          partyName: '示范科技有限公司',
          types: ['warning'],
          facts: '未按规定报送科技项目资料',
          basis: '《示范市科技项目管理办法》第二十条',
          officerIds: officers,
        },
      );
      await server.createUser({
        username: 'e2e_lit2',
        password: PW,
        roles: ['legalOfficer'],
        orgName: '政策法规科',
      });
      const page = await workbenchAt(browser, base, 'e2e_lit2', PW, `${base}/app/litigation`);
      await submitDialog(page, '登记行政复议', async (d) => {
        await d.getByLabel('案号').fill('示政复〔2025〕8号');
        await d.getByLabel('申请人').fill('示范科技有限公司');
        await d.getByLabel('复议机关', { exact: true }).fill('示范市人民政府');
        await d.getByLabel('行政行为类型').selectOption({ label: '行政处罚决定' });
        const record = d.getByLabel('本机关的记录');
        await record
          .locator('option', { hasText: penalty.decisionNo! })
          .waitFor({ state: 'attached' });
        await record.selectOption({
          label: (
            await record.locator('option', { hasText: penalty.decisionNo! }).innerText()
          ).trim(),
        });
        await d.getByLabel('复议机关受理日期').fill('2025-02-27');
        await d.getByLabel('复议机关受理日期').press('Enter');
        await d.getByLabel('收到复议申请书副本日期').fill('2025-03-03');
        await d.getByLabel('收到复议申请书副本日期').press('Enter');
      });
      await page.getByRole('heading', { name: '行政复议：示政复〔2025〕8号' }).waitFor();
      await page
        .getByRole('link', { name: new RegExp(penalty.decisionNo!.replace(/[〔〕]/g, '.')) })
        .waitFor();
      // 2月27日 + 60日 = 4月28日.
      await page.getByText('2025年4月28日').first().waitFor();
      await page.getByText('复议机关审理中').first().waitFor();
      await assertNoSeriousA11yViolations(page, 'case page (penalty decision)');

      // The bureau answers; the 复议机关's date passes with no decision: marked on the case, nothing overdue in 我的待办.
      await submitDialog(page, '提交书面答复和证据', async (d) => {
        await d.getByLabel('答复要点').fill('处罚决定事实清楚，程序合法。');
      });
      await server.setDay('2025-05-06');
      await page.reload();
      await page.getByText('期限已过，尚未登记复议决定').first().waitFor();
      await assertNoSeriousA11yViolations(page, 'case page (decision period passed)');
      const overdue = await (await page.request.get(`${base}/api/worklist?filter=overdue`)).json();
      assert.ok(!JSON.stringify(overdue).includes('示政复〔2025〕8号'), JSON.stringify(overdue));
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
