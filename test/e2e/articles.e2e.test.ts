// Issue 13 item 19: an article is 「第四条」 wherever it is shown — the workbench's comment table said 「第4条」
// while the portal said 「第四条」 (one formatter: consultation/text.ts articleLabel).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, workbenchAt } from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';

test(
  'comments name their article in Chinese numerals on the workbench',
  { timeout: 180_000 },
  async (t) => {
    const browser: Browser | undefined = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer();
    try {
      await server.createUser({ username: 'e2e_art', password: PW, roles: ['staff'] });
      const page = await workbenchAt(
        browser,
        server.url,
        'e2e_art',
        PW,
        `${server.url}/app/documents`,
      );
      // The demo's document that went through 公开征求意见 (comments on 第三条 and 第四条).
      await page.getByRole('link', { name: '示范市科技企业孵化器认定和管理办法' }).first().click();
      const comments = page.locator('table', {
        has: page.getByRole('columnheader', { name: '条款' }),
      });
      await comments
        .getByRole('cell', { name: '第四条', exact: true })
        .waitFor({ timeout: 30_000 });
      const text = await comments.innerText();
      assert.match(text, /第三条/);
      assert.doesNotMatch(text, /第\d+条/, 'no Arabic article numbers');
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
