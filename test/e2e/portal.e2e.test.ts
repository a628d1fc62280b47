// Public portal in a real browser: axe in normal and 长者模式, the toggle by a real click, its
// persistence across a reload, and the whole portal with JavaScript disabled.
// Runs against a bare Fastify instance with the portal plugin only, so it does not depend on the
// rest of the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { portalNotFoundHandler, portalPlugin, type PortalDeps } from '../../src/portal/plugin.tsx';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  seriousA11yViolations,
} from './browser.ts';

/** Mon–Fri stand-in for the working-day calendar: the portal only displays what it returns. */
function computeDue({
  from,
  count,
  unit,
}: {
  from: string;
  count: number;
  unit: 'workday' | 'day';
}) {
  const d = new Date(`${from}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (unit === 'day' || (dow !== 0 && dow !== 6)) left--;
  }
  const due = d.toISOString().slice(0, 10);
  return {
    due,
    provisional: false,
    explanation: `自${from}次日起算${count}个${unit === 'workday' ? '工作日' : '日'}（测试日历）`,
  };
}

async function startPortal() {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(formbody);
  const deps: PortalDeps = {
    getSite: async () => ({
      name: '某市科学技术局',
      parentName: '某市人民政府',
      address: '某市人民路1号',
      phone: '0000-12345678',
      hours: '工作日 9:00—17:00',
      email: 'kjj@example.gov.cn',
      icp: '某ICP备00000000号',
    }),
    sections: [
      { path: '/gfxwj', title: '规范性文件库', summary: '本局制定的行政规范性文件及其有效性' },
      { path: '/zcjd', title: '重大行政决策', summary: '年度重大行政决策事项目录与决策过程' },
      { path: '/zfgs', title: '行政执法公示', summary: '“双随机、一公开”抽查结果与行政处罚决定' },
    ],
    computeDue,
    today: () => '2025-01-20',
    secureCookies: false,
  };
  await app.register(portalPlugin(deps), { prefix: '/' });
  app.setNotFoundHandler(portalNotFoundHandler(deps));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, close: () => app.close() };
}

async function fontSizePx(page: Page, selector: string): Promise<number> {
  const value = await page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize);
  return parseFloat(value);
}

test('public portal in Chromium', { timeout: 180_000 }, async (t) => {
  const browser: Browser | undefined = await launchBrowser(t);
  if (!browser) return;
  const server = await startPortal();
  try {
    await t.test('the axe helper reports serious violations (harness self-check)', async () => {
      const context = await newAxeContext(browser);
      const page = await context.newPage();
      await page.setContent(
        '<html><body><img src="x.png"><button></button><p style="color:#bbb">浅色文字</p></body></html>',
      );
      const ids = (await seriousA11yViolations(page)).map((v) => v.id).sort();
      for (const id of ['button-name', 'color-contrast', 'html-has-lang', 'image-alt'])
        assert.ok(ids.includes(id), `axe found ${id}`);
      await assert.rejects(assertNoSeriousA11yViolations(page, 'broken page'), /image-alt/);
      await context.close();
    });

    await t.test(
      'home passes axe (no serious/critical violations) in normal and elder mode',
      async () => {
        const context = await newAxeContext(browser);
        const page = await context.newPage();
        await page.goto(server.url + '/');
        assert.equal(await page.locator('body.elder').count(), 0);
        await assertNoSeriousA11yViolations(page, 'portal home (normal)');

        await page.goto(server.url + '/tools/deadline?from=2025-13-01&count=x&unit=');
        await assertNoSeriousA11yViolations(page, 'deadline tool with errors');
        await page.goto(server.url + '/tools/deadline?from=2025-01-20&count=20&unit=workday');
        await assertNoSeriousA11yViolations(page, 'deadline tool with a result');

        await context.addCookies([{ name: 'fazhi_elder', value: '1', url: server.url }]);
        await page.goto(server.url + '/');
        assert.equal(await page.locator('body.elder').count(), 1);
        await assertNoSeriousA11yViolations(page, 'portal home (长者模式)');
        await page.goto(server.url + '/tools/deadline?from=2025-13-01&count=x&unit=');
        await assertNoSeriousA11yViolations(page, 'deadline tool with errors (长者模式)');
        await context.close();
      },
    );

    await t.test('长者模式 toggles by a real click and persists across a reload', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' }); // real CSP
      const page = await context.newPage();
      const cspErrors: string[] = [];
      page.on('console', (msg) => {
        if (/Content.Security.Policy/i.test(msg.text())) cspErrors.push(msg.text());
      });
      await page.goto(server.url + '/gfxwj-missing?x=1');
      assert.equal(await page.locator('h1').textContent(), '页面未找到');
      await page.goto(server.url + '/');
      const normalBase = await fontSizePx(page, 'body');
      const normalH1 = await fontSizePx(page, 'h1');
      const normalP = await fontSizePx(page, 'main p');

      // The first Tab reaches the skip link.
      await page.keyboard.press('Tab');
      assert.equal(await page.locator(':focus').textContent(), '跳到主要内容');

      const toggle = page.getByRole('button', { name: '长者模式', exact: true });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      await page.locator('body.elder').waitFor();
      assert.equal(new URL(page.url()).pathname, '/');
      const exit = page.getByRole('button', { name: '退出长者模式' });
      assert.equal(await exit.getAttribute('aria-pressed'), 'true');

      const cookies = await context.cookies();
      const elder = cookies.find((c) => c.name === 'fazhi_elder');
      assert.ok(elder, 'fazhi_elder cookie set');
      assert.equal(elder.value, '1');
      assert.equal(elder.sameSite, 'Lax');
      assert.ok(elder.expires > Date.now() / 1000 + 360 * 24 * 3600, 'cookie lasts about a year');

      const elderBase = await fontSizePx(page, 'body');
      assert.ok(elderBase >= 20, `elder base font ${elderBase}px ≥ 20px`);
      assert.ok(elderBase >= normalBase * 1.25, 'base ≥ 1.25×');
      assert.ok((await fontSizePx(page, 'h1')) >= normalH1 * 1.25, 'h1 ≥ 1.25×');
      assert.ok((await fontSizePx(page, 'main p')) >= normalP * 1.25, 'text ≥ 1.25×');
      const linkDecoration = await page
        .locator('main a')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine);
      assert.match(linkDecoration, /underline/);

      await page.reload();
      assert.equal(await page.locator('body.elder').count(), 1, 'still elder after reload');

      // On another page, switching off returns to that page.
      await page.goto(server.url + '/tools/deadline?from=2025-01-20&count=5&unit=day');
      await page.getByRole('button', { name: '退出长者模式' }).click();
      await page.getByRole('button', { name: '长者模式', exact: true }).waitFor();
      assert.equal(await page.locator('body.elder').count(), 0);
      const back = new URL(page.url());
      assert.equal(back.pathname + back.search, '/tools/deadline?from=2025-01-20&count=5&unit=day');
      assert.equal(
        (await context.cookies()).find((c) => c.name === 'fazhi_elder'),
        undefined,
      );

      assert.deepEqual(cspErrors, [], 'no Content-Security-Policy violations');
      await context.close();
    });

    await t.test('works with JavaScript disabled', async () => {
      const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.getByRole('link', { name: '规范性文件库' }).first().waitFor();

      // Deadline calculator: an error, then a result.
      await page.getByLabel('期限天数').fill('零');
      await page.getByRole('button', { name: '计算到期日' }).click();
      await page.getByText('期限天数应为 1 至 1000 之间的整数', { exact: false }).first().waitFor();
      assert.equal(new URL(page.url()).pathname, '/tools/deadline');
      assert.equal(await page.getByLabel('期限天数').getAttribute('aria-invalid'), 'true');

      await page.getByLabel('期限天数').fill('20');
      await page.getByLabel('自然日').check();
      await page.getByRole('button', { name: '计算到期日' }).click();
      await page.getByRole('heading', { name: '计算结果' }).waitFor();
      assert.match((await page.locator('.result .due').textContent()) ?? '', /2025年2月9日/);

      // 长者模式 by the form alone.
      await page.getByRole('button', { name: '长者模式', exact: true }).click();
      await page.locator('body.elder').waitFor();
      assert.match(new URL(page.url()).search, /count=20/);
      await page.reload();
      assert.equal(await page.locator('body.elder').count(), 1);
      await page.getByRole('button', { name: '退出长者模式' }).click();
      await page.getByRole('button', { name: '长者模式', exact: true }).waitFor();
      assert.equal(await page.locator('body.elder').count(), 0);
      await context.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
