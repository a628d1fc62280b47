// 学法计划 quarterly topics in a real browser: the staff register the year's plan, add topics for two
// quarters through the form built from the server's field declaration, see them quarter by quarter with
// the 会前学法 held, edit them (one removed), and re-saving the plan keeps them. The 学法述法记录 page
// records a 学法 session and a 述法 entry through the forms the server declares. The screens are
// axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, workbenchAt } from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
// The workbench's DateField (antd's DatePicker): typed, then confirmed with Enter.
const pickDate = async (field: Locator, day: string) => {
  await field.fill(day);
  await field.press('Enter');
};

test(
  "the 学法计划's quarterly topics are viewed and edited on the 学法普法 page",
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_study', password: PW, roles: ['staff'] });
      const page = await workbenchAt(browser, base, 'e2e_study', PW, `${base}/app/study?year=2025`);
      await page.getByText('登记学法计划后可编辑各季度的学习安排。').waitFor();

      const plan = page.getByRole('form', { name: '登记学法计划' });
      await plan.getByLabel('计划名称').fill('2025年度会前学法计划');
      await pickDate(plan.getByLabel('印发日期'), '2025-02-10');
      await plan.getByRole('button', { name: '保存计划' }).click();
      const editor = page.getByRole('form', { name: '编辑学习安排' });
      await editor.waitFor();

      // Two topics: 第一季度 and 第三季度 (the choices are the server's).
      await editor.getByRole('button', { name: '添加学习内容' }).click();
      await editor.getByLabel('第1项学习内容').fill('《中华人民共和国行政复议法》');
      await editor.getByRole('button', { name: '添加学习内容' }).click();
      await editor.getByLabel('第2项季度').selectOption({ label: '第三季度' });
      await editor.getByLabel('第2项学习内容').fill('《重大行政决策程序暂行条例》');
      await editor.getByRole('button', { name: '保存学习安排' }).click();
      await page.getByText('已保存学习安排').waitFor();
      const table = page.getByRole('table', { name: '学习安排' });
      await table.getByRole('row', { name: /第三季度\s*《重大行政决策程序暂行条例》/ }).waitFor();
      await table.getByRole('row', { name: /第一季度\s*《中华人民共和国行政复议法》/ }).waitFor();
      await assertNoSeriousA11yViolations(page, 'study page with the plan topics');

      // Edit: the first topic removed; re-saving the plan's title keeps the rest.
      await editor.getByRole('button', { name: '删除第1项' }).click();
      await editor.getByRole('button', { name: '保存学习安排' }).click();
      await table.getByRole('row', { name: /第一季度\s*—/ }).waitFor();
      await plan.getByLabel('计划名称').fill('2025年度会前学法计划（修订）');
      await pickDate(plan.getByLabel('印发日期'), '2025-02-10');
      await plan.getByRole('button', { name: '保存计划' }).click();
      await page.getByText(/2025年度会前学法计划（修订）（2025-02-10印发）/).waitFor();
      await table.getByRole('row', { name: /第三季度\s*《重大行政决策程序暂行条例》/ }).waitFor();
      const saved = await (await page.request.get(`${base}/api/study?year=2025`)).json();
      assert.deepEqual(saved.plan.topics, [{ quarter: 3, topic: '《重大行政决策程序暂行条例》' }]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

test(
  'a 学法 session and a 述法 entry are recorded on the 学法述法记录 page',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_records', password: PW, roles: ['staff'] });
      const page = await workbenchAt(
        browser,
        base,
        'e2e_records',
        PW,
        `${base}/app/reports/study?year=2025`,
      );
      const card = (title: string) =>
        page.locator('.ant-card', { has: page.getByRole('heading', { name: title, exact: true }) });
      const sessions = card('学法记录');
      await sessions.getByLabel('学习内容').waitFor();
      await pickDate(sessions.getByLabel('学法日期'), '2025-02-18');
      await sessions.getByLabel('学法形式').selectOption({ label: '法治讲座' });
      await sessions.getByLabel('学习内容').fill('《中华人民共和国行政复议法》');
      await sessions.getByLabel('主讲人').fill('政策法规科');
      await sessions.getByLabel('参加人数').fill('25');
      await sessions.getByLabel('主要负责人主持或讲授').check();
      await sessions.getByRole('button', { name: '登记学法' }).click();
      await page
        .getByRole('row', {
          name: /2025-02-18\s*法治讲座\s*《中华人民共和国行政复议法》\s*政策法规科\s*30\s*25\s*是/,
        })
        .waitFor();

      const statements = card('述法记录');
      await pickDate(statements.getByLabel('述法日期'), '2025-01-20');
      await statements.getByLabel('述法人').fill('王局长');
      await statements.getByLabel('职务').fill('局长');
      await statements.getByLabel('述法形式').selectOption({ label: '专题述法' });
      await statements.getByRole('button', { name: '登记述法' }).click();
      await page
        .getByRole('row', { name: /2025-01-20\s*王局长\s*局长\s*主要负责人\s*专题述法/ })
        .waitFor();
      await assertNoSeriousA11yViolations(page, 'study records page');
      const saved = await (await page.request.get(`${base}/api/reports/study?year=2025`)).json();
      assert.deepEqual(
        saved.sessions.map((s: Record<string, unknown>) => [
          s.kind,
          s.durationMinutes,
          s.ledByHead,
        ]),
        [['lecture', 30, true]],
      );
      assert.deepEqual(
        saved.statements.map((s: Record<string, unknown>) => [s.year, s.rank, s.summary]),
        [[2025, 'head', '']],
      );
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
