// Staff workbench in a real browser, against the full app (startTestServer: a real server on a
// random port, a fresh migrated database with demo data).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../../src/server/testing.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';

const USER = { username: 'e2e_staff', password: 'Fazhi-e2e-Passw0rd!2025', roles: ['staff'] };

async function openLogin(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + '/app/login');
  await page.getByLabel('用户名').waitFor({ timeout: 30_000 });
  return page;
}

test('staff workbench in Chromium', { timeout: 300_000 }, async (t) => {
  const browser: Browser | undefined = await launchBrowser(t);
  if (!browser) return;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  try {
    server = await startTestServer();
    await server.createUser(USER);
    const baseUrl = server.url.replace(/\/$/, '');

    await t.test('the login page passes axe (no serious/critical violations)', async () => {
      const context = await newAxeContext(browser);
      const page = await openLogin(context, baseUrl);
      await assertNoSeriousA11yViolations(page, '/app/login');
      await context.close();
    });

    await t.test('a wrong password shows an error and does not sign in', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await openLogin(context, baseUrl);
      await page.getByLabel('用户名').fill(USER.username);
      await page.getByLabel('密码', { exact: true }).fill('wrong-password-123');
      await page.getByRole('button', { name: '登录' }).click();
      const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
      await alert.waitFor({ timeout: 15_000 });
      assert.ok(((await alert.textContent()) ?? '').trim().length > 0, 'the error says something');
      assert.match(new URL(page.url()).pathname, /^\/app\/login/);
      assert.equal(await page.getByText('我的待办').count(), 0);
      await context.close();
    });

    await t.test('a user signs in through the form and sees the workbench', async () => {
      const context = await newAxeContext(browser); // axe is injected on the case page below
      const page = await openLogin(context, baseUrl);
      await page.getByLabel('用户名').fill(USER.username);
      await page.getByLabel('密码', { exact: true }).fill(USER.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('我的待办').first().waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: '工作台' }).first().waitFor();
      assert.doesNotMatch(new URL(page.url()).pathname, /\/login$/);

      // 我的待办 holds the demo requests of the user's division, soonest first, overdue in red.
      const rows = page.locator('tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 15_000 });
      assert.ok((await rows.count()) >= 4);
      const firstRow = rows.first();
      assert.match((await firstRow.textContent()) ?? '', /答复申请人/);
      assert.match((await firstRow.textContent()) ?? '', /已超期/);
      const overdueTag = firstRow.locator('.ant-tag', { hasText: '已超期' });
      assert.equal(
        await overdueTag.evaluate((el) => getComputedStyle(el).color),
        'rgb(168, 7, 26)',
      );

      // Hovering the due date shows its explanation.
      await firstRow.locator('.due-focus').hover();
      const tip = page.getByRole('tooltip').filter({ hasText: '起算20个工作日' });
      await tip.first().waitFor({ timeout: 10_000 });

      // The case page shows the timeline and the allowed actions.
      await firstRow.getByRole('link').first().click();
      await page
        .getByRole('button', { name: '拟定答复并提请审签' })
        .first()
        .waitFor({ timeout: 15_000 });
      assert.ok((await page.getByText('登记收到申请').count()) >= 1);
      await assertNoSeriousA11yViolations(page, 'case page');
      await context.close();
    });
  } finally {
    await browser.close();
    if (server) await server.close();
  }
});
