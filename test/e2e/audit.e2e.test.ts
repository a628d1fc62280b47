// The audit log as a Chinese auditor reads it (issue 13, item 13): Chinese action names, people and
// records by name, filters by person, module, action and date range, readable details, the Excel
// export of what is filtered, and the chain verification in Chinese.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await newAxeContext(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 30_000 });
  await page
    .getByRole('heading', { name: '工作台', exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  return page;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

test(
  'the audit log in Chinese: names, filters, details, Excel export, verification',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2026-11-20T02:00:00.000Z');
    try {
      await server.createUser({
        username: 'e2e_audit',
        password: 'Audit-e2e-Passw0rd!',
        roles: ['auditAdmin'],
        orgName: '办公室',
      });
      const page = await signIn(browser, server.url, 'e2e_audit', 'Audit-e2e-Passw0rd!');
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      const table = page.locator('.ant-table-tbody');
      await table.getByText('登录', { exact: true }).first().waitFor({ timeout: 15_000 });
      // No raw codes, no ids: the action is its Chinese name, people and records by name.
      const text = await table.innerText();
      assert.doesNotMatch(
        text,
        /auth\.login|user\.create|case\.\w+|document\.\w+/,
        'action codes are shown as Chinese names',
      );
      assert.doesNotMatch(text, UUID, 'objects are named, not shown as ids');
      assert.match(text, /新建用户/);
      await assertNoSeriousA11yViolations(page, 'audit log');

      // Filters: person, module, action (by its Chinese name), date range.
      await pick(page, '操作人', '王晓明');
      await pick(page, '业务模块', '合法性审查');
      await pick(page, '操作', '提请合法性审查');
      const range = page.locator('.ant-picker-range').first();
      await range.locator('input').first().click();
      await range.locator('input').first().fill('2026-11-20');
      await range.locator('input').nth(1).click();
      await range.locator('input').nth(1).fill('2026-11-20');
      await range.locator('input').nth(1).press('Enter');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByText(/共 \d+ 条记录/).waitFor({ timeout: 15_000 });
      const rows = table.locator('tr.ant-table-row');
      await rows.first().waitFor();
      const n = await rows.count();
      assert.ok(n >= 1, 'the staff member submitted matters for review in the demo');
      for (let i = 0; i < n; i++) {
        const row = await rows.nth(i).innerText();
        assert.match(row, /王晓明/);
        assert.match(row, /提请合法性审查/);
        assert.match(row, /合法性审查《[^》]+》/, 'the object is the matter by its title');
      }
      // Readable details: 「标题：…」, not JSON.
      await rows.first().getByRole('button', { name: /展开/ }).click();
      const details = page.locator('.audit-details').first();
      await details.waitFor();
      const detailText = await details.innerText();
      assert.match(detailText, /标题：/);
      assert.doesNotMatch(detailText, /[{}"]|caseId/);

      // Excel export of exactly what is filtered.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '导出 Excel' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^审计日志.*\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 6), [
        '序号',
        '时间',
        '操作人',
        '所属机构',
        '业务模块',
      ]);
      assert.equal(sheet.actualRowCount - 1, n, 'one row per filtered event');
      assert.equal(sheet.getRow(2).getCell(6).value, '提请合法性审查');

      // A day with nothing recorded.
      await range.locator('input').first().click();
      await range.locator('input').first().fill('2026-11-19');
      await range.locator('input').nth(1).click();
      await range.locator('input').nth(1).fill('2026-11-19');
      await range.locator('input').nth(1).press('Enter');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByText('暂无审计记录').waitFor({ timeout: 15_000 });

      // The verification speaks Chinese only.
      await page.getByRole('button', { name: '校验审计链' }).click();
      const status = page.getByRole('status');
      await status.getByText(/审计链完整：共 \d+ 条记录/).waitFor({ timeout: 15_000 });
      assert.doesNotMatch(
        await status.innerText(),
        /audit|chain|intact|checkpoint|tamper/i,
        'no English in the verification message',
      );
    } finally {
      await server.close();
    }
  },
);
