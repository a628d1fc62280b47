// Issue 13 item 16: a role change the server refuses (三员分立, HTTP 409) is explained in the dialog in
// the server's Chinese words, and nothing is saved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { users } from '../../src/core/auth/schema.ts';

test(
  'a refused role change shows the server’s message in the dialog',
  { timeout: 240_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2026-11-20T02:00:00.000Z');
    try {
      await server.createUser({
        username: 'e2e_sec',
        password: 'Sec-e2e-Passw0rd!',
        roles: ['secAdmin'],
        orgName: '办公室',
      });
      await server.createUser({
        username: 'e2e_aud2',
        password: 'Audit-e2e-Passw0rd!',
        roles: ['auditAdmin'],
        orgName: '办公室',
      });
      const [target] = await server.ctx.db
        .select()
        .from(users)
        .where(eq(users.username, 'e2e_aud2'));
      const page = await (await newAxeContext(browser)).newPage();
      await page.goto(`${server.url}/app/login`);
      await page.getByLabel('用户名').fill('e2e_sec');
      await page.getByLabel('密码', { exact: true }).fill('Sec-e2e-Passw0rd!');
      await page.getByRole('button', { name: '登录' }).click();
      await page
        .getByRole('heading', { name: '工作台', exact: true })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.goto(`${server.url}/app/admin/security`);
      await page.getByLabel('搜索用户').fill('e2e_aud2');
      await page.getByRole('button', { name: `为${target.displayName}分配角色` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('系统管理员').check();
      await dialog.getByRole('button', { name: '保存' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      assert.match((await alert.textContent()) ?? '', /三员分立/);
      assert.ok(await dialog.isVisible(), 'the dialog stays open with the reason');
      // An administrator with a business role: the refusal names both.
      await dialog.getByLabel('系统管理员').uncheck();
      await dialog.getByLabel('业务科室工作人员').check();
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: '不能兼任业务角色' })
        .waitFor({ timeout: 15_000 });
      assert.match(
        (await dialog.getByRole('alert').textContent()) ?? '',
        /审计管理员不能兼任业务角色（业务科室工作人员）/,
      );
      await assertNoSeriousA11yViolations(page, 'roles dialog with the refusal');
      const [after] = await server.ctx.db
        .select()
        .from(users)
        .where(eq(users.username, 'e2e_aud2'));
      assert.deepEqual(after.roles, ['auditAdmin'], 'nothing saved');
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
