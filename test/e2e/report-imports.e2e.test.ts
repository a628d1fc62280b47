// 年报导入分析 in a real browser: a department imports a seed report (file) and last year's copy
// (paste), reads the analysis; the oversight body imports for a department; every screen passes axe.
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../../src/server/testing.ts';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/seeds');
const STAFF = {
  username: 'e2e_imp',
  password: 'Fazhi-e2e-Passw0rd!2025',
  roles: ['legalOfficer'],
  orgName: '政策法规科',
};
const OVERSIGHT = {
  username: 'e2e_imp_sfj',
  password: 'Fazhi-e2e-Passw0rd!2025',
  roles: ['oversight'],
  orgName: '示范市司法局',
};

async function signIn(page: Page, base: string, who: { username: string; password: string }) {
  await page.goto(`${base}/app/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '年报导入分析' }).waitFor({ timeout: 30_000 });
}

test('年报导入分析: import, analysis view, scope, in Chromium', { timeout: 300_000 }, async (t) => {
  const browser: Browser | undefined = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer();
  try {
    await server.createUser(STAFF);
    await server.createUser(OVERSIGHT);
    const base = server.url.replace(/\/$/, '');

    await t.test('a department imports a file and sees parts, figures and flags', async () => {
      const context = await newAxeContext(browser);
      const page = await context.newPage();
      await signIn(page, base, STAFF);
      await page.getByRole('menuitem', { name: '年报导入分析' }).click();
      await page.getByRole('heading', { name: '年报导入分析' }).waitFor();
      await assertNoSeriousA11yViolations(page, '/app/reports/imports');
      await page.getByRole('button', { name: '导入报告' }).click();
      await page.getByRole('heading', { name: '导入年度报告' }).waitFor();
      await assertNoSeriousA11yViolations(page, '/app/reports/imports/new');
      // Nothing chosen: a clear message, nothing sent.
      await page.getByRole('button', { name: '导入并分析' }).click();
      await page.getByText('请选择要导入的报告文件').waitFor();
      await page.getByLabel('报告文件').setInputFiles(path.join(SEEDS, '004_a43d37cc7c10f483.txt'));
      await page.getByRole('button', { name: '导入并分析' }).click();
      await page
        .getByRole('heading', { name: '天津市科学技术局 2023年度法治政府建设年度报告' })
        .waitFor({ timeout: 20_000 });
      await page.getByText('缺少法定部分：（五）其他需要报告的情况').waitFor();
      const mark = page.locator('mark', { hasText: '2477条' });
      assert.match((await mark.getAttribute('title')) ?? '', /对应指标：主动公开政府信息/);
      assert.ok(
        (await page
          .getByRole('link', { name: '（二）依法全面履行政府职能，全力打造一流营商环境' })
          .count()) === 1,
        'heading tree',
      );
      await assertNoSeriousA11yViolations(page, '/app/reports/imports/:id');

      // Last year's text again, pasted as this year's: the repetition is flagged.
      await page.goto(`${base}/app/reports/imports/new`);
      await page.locator('label', { hasText: '粘贴正文' }).click();
      const copy = fs
        .readFileSync(path.join(SEEDS, '004_a43d37cc7c10f483.txt'), 'utf8')
        .replace(/2023/g, '2024')
        .replace('2024年推进', '2025年推进');
      await page.getByLabel('报告正文').fill(copy);
      await page.getByRole('button', { name: '导入并分析' }).click();
      await page
        .getByRole('heading', { name: '天津市科学技术局 2024年度法治政府建设年度报告' })
        .waitFor({ timeout: 20_000 });
      await page.getByText(/的句子与本单位2023年度报告基本相同/).waitFor();
      await assertNoSeriousA11yViolations(page, 'repeated report');
      await context.close();
    });

    await t.test('bad input: a non-report file is refused in Chinese', async () => {
      const context = await newAxeContext(browser);
      const page = await context.newPage();
      await signIn(page, base, STAFF);
      await page.goto(`${base}/app/reports/imports/new`);
      await page.getByLabel('报告文件').setInputFiles({
        name: '通知.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('关于召开会议的通知。请各科室负责人准时参加。'),
      });
      await page.getByRole('button', { name: '导入并分析' }).click();
      await page
        .getByRole('alert')
        .getByText(/内容过短/)
        .waitFor({ timeout: 15_000 });
      await assertNoSeriousA11yViolations(page, 'refused import');
      await context.close();
    });

    await t.test(
      'oversight imports for a department and sees every department’s imports',
      async () => {
        const context = await newAxeContext(browser);
        const page = await context.newPage();
        await signIn(page, base, OVERSIGHT);
        await page.goto(`${base}/app/reports/imports/new`);
        await page.getByLabel('所属部门').selectOption({ label: '示范市科学技术局' });
        await page
          .getByLabel('报告文件')
          .setInputFiles(path.join(SEEDS, '002_e7f45dcb97ad5be8.txt'));
        await page.getByLabel('报告单位').fill('韶关市政务服务数据管理局');
        await page.getByRole('button', { name: '导入并分析' }).click();
        await page
          .getByRole('heading', { name: '韶关市政务服务数据管理局 2022年度法治政府建设年度报告' })
          .waitFor({ timeout: 20_000 });
        await page.getByRole('link', { name: '← 返回导入列表' }).click();
        await page.getByRole('columnheader', { name: '所属部门' }).waitFor();
        // The header shows before the list has loaded: wait for the third row, then count.
        await page.locator('tbody tr.ant-table-row').nth(2).waitFor();
        assert.equal(await page.locator('tbody tr.ant-table-row').count(), 3);
        await assertNoSeriousA11yViolations(page, '/app/reports/imports (oversight)');
        await context.close();
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
