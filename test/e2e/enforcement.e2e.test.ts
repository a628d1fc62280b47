// 双随机、一公开 in a real browser: a 科室 drafts a plan, the legal office approves and publishes it,
// the 科室 commits and runs the draw, records an inspection and publishes the result, which then
// appears on the portal with the draw that anyone can re-run; the finding opens a 行政处罚 case that
// runs to a decision published on /xzcf. The screens are axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const PLAN = '2025年实验动物许可事中事后监管专项抽查';

test(
  'plan → draw → inspection → finding → case → decision → publication on the portal',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_es', password: PW, roles: ['staff'] });
      await server.createUser({
        username: 'e2e_el',
        password: PW,
        roles: ['legalOfficer'],
        orgName: '政策法规科',
      });
      await server.createUser({
        username: 'e2e_eh',
        password: PW,
        roles: ['leader'],
        orgName: '示范市科学技术局',
      });

      const legal = await workbenchAt(
        browser,
        base,
        'e2e_el',
        PW,
        `${base}/app/enforcement/officers`,
      );
      await legal.getByRole('cell', { name: '陈静', exact: true }).waitFor();
      await legal.getByText('即将到期').first().waitFor();
      await assertNoSeriousA11yViolations(legal, 'officer registry');
      await legal.goto(`${base}/app/enforcement/catalogue`);
      await legal.getByRole('cell', { name: '实验动物生产、使用许可事中事后监管' }).waitFor();
      await assertNoSeriousA11yViolations(legal, 'catalogue');

      const staff = await workbenchAt(browser, base, 'e2e_es', PW, `${base}/app/enforcement/plans`);
      await submitDialog(staff, '制定抽查计划', async (d) => {
        await d.getByLabel('计划名称').fill(PLAN);
        await d
          .getByLabel('抽查事项')
          .selectOption({ label: '实验动物生产、使用许可事中事后监管（重点，30%）' });
        await d.getByLabel('抽查比例（%）').fill('25');
        for (const [label, date] of [
          ['开始日期', '2025-03-01'],
          ['结束日期', '2025-12-31'],
        ]) {
          await d.getByLabel(label).fill(date);
          await d.getByLabel(label).press('Enter');
        }
      });
      await staff.getByRole('heading', { name: PLAN }).waitFor();
      const planUrl = staff.url();
      await assertNoSeriousA11yViolations(staff, 'plan page');

      await legal.goto(planUrl);
      await legal.getByRole('button', { name: '审批' }).click();
      await legal.getByRole('button', { name: '公布计划' }).click();
      await legal.getByText('已公布').first().waitFor();

      await staff.reload();
      await staff.getByRole('button', { name: '发起随机抽取' }).click();
      await staff.getByText('抽取后公开').waitFor();
      await staff.getByRole('button', { name: '抽取', exact: true }).click();
      await staff.getByRole('button', { name: '复核抽取结果' }).waitFor();
      const rows = staff.locator('tbody tr.ant-table-row');
      assert.equal(await rows.count(), 3, '25% of 12 targets');
      await assertNoSeriousA11yViolations(staff, 'draw page');
      const target = (await rows.first().locator('a').textContent())!.trim();
      await rows.first().locator('a').click();
      await submitDialog(staff, '录入检查结果', async (d) => {
        for (const label of ['检查日期', '检查结束日期']) {
          await d.getByLabel(label).fill('2025-03-03');
          await d.getByLabel(label).press('Enter');
        }
        await d.getByLabel('检查结果').selectOption({ label: '发现问题，责令整改' });
        await d.getByLabel('检查情况').fill('实验动物饲养环境监测记录缺失，责令十日内整改。');
      });
      await staff.getByText('期限 2025-03-31').waitFor();
      await assertNoSeriousA11yViolations(staff, 'inspection page');
      await staff.getByRole('button', { name: '公示检查结果' }).click();
      await staff.getByText('2025-03-03已公示').waitFor();
      // The finding becomes a 行政处罚 case in one step, and the record then links to it.
      const inspectionUrl = staff.url();
      await submitDialog(staff, '依此立案', async (d) => {
        await d.getByLabel('立案审批人').fill('王局长');
      });
      await staff.getByRole('heading', { name: `${target}违法案（检查发现）` }).waitFor();
      await staff.goto(inspectionUrl);
      await staff.getByRole('link', { name: /^已立案：科规罚立〔2025〕\d+号$/ }).waitFor();
      assert.equal(
        await staff.getByRole('button', { name: '依此立案' }).count(),
        0,
        'one case per finding',
      );
      // … and runs to a published decision: 告知, the head decides after the 陈述申辩 window, 公开.
      await staff.getByRole('link', { name: /^已立案：/ }).click();
      await submitDialog(staff, '行政处罚事先告知', async (d) => {
        await d.getByLabel('处罚种类').selectOption({ label: '警告' });
        await d.getByLabel('违法事实').fill('实验动物饲养环境监测记录缺失');
        await d.getByLabel('理由').fill('违反实验动物饲养管理规定');
        await d.getByLabel('依据').fill('《实验动物管理条例》第二十九条');
      });
      await staff.getByText('已告知').first().waitFor();
      const caseUrl = staff.url();
      await server.setDay('2025-03-11');
      const head = await workbenchAt(browser, base, 'e2e_eh', PW, caseUrl);
      await submitDialog(head, '作出行政处罚决定', async (d) => {
        await d.getByLabel('处罚种类').selectOption({ label: '警告' });
        await d
          .getByLabel('违法事实和证据')
          .fill('经查，当事人实验动物饲养环境监测记录缺失，有现场检查记录为证');
        await d.getByLabel('处罚依据').fill('《实验动物管理条例》第二十九条');
      });
      await submitDialog(head, '公开行政处罚决定');
      await head.getByText('已公开（2025-03-11）').waitFor();
      const decisionNo = (await head
        .getByText(/^科规罚决〔2025〕\d+号$/)
        .first()
        .textContent())!.trim();

      const visitor = await (await newAxeContext(browser)).newPage();
      await visitor.goto(`${base}/sjcc`);
      await visitor.getByRole('cell', { name: target, exact: true }).first().waitFor(); // the demo's own inspections may name it too
      await visitor.getByRole('cell', { name: '发现问题，责令整改' }).first().waitFor();
      await assertNoSeriousA11yViolations(visitor, 'portal results');
      await visitor
        .getByRole('link', { name: /第1次抽取（已抽取）/ })
        .last()
        .click();
      await visitor.getByRole('link', { name: '用公布的数据重新运行抽取并核对结果' }).click();
      await visitor.getByText(/复核一致/).waitFor();
      await assertNoSeriousA11yViolations(visitor, 'portal draw');
      await visitor.goto(`${base}/xzcf`);
      await visitor.getByRole('link', { name: decisionNo }).click();
      await visitor.getByText(target).first().waitFor();
      await assertNoSeriousA11yViolations(visitor, 'portal penalty decision');
      await visitor.goto(`${base}/zfgs`);
      await visitor.getByRole('cell', { name: '皖3401000101' }).waitFor();
      await assertNoSeriousA11yViolations(visitor, 'portal registry');
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
