// The administrators' screens in a real browser: the 系统管理员 enters a State Council holiday
// notice in the calendar screen and adds an organisation and a user, the 安全管理员 changes the
// security settings (each form as the server serves it); the 审计管理员 reads and verifies the audit
// log; nobody else sees it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('administration screens in Chromium', { timeout: 300_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2026-11-20T02:00:00.000Z');
  try {
    await server.createUser({
      username: 'e2e_sys',
      password: 'Sys-e2e-Passw0rd!',
      roles: ['sysAdmin'],
      orgName: '办公室',
    });
    await server.createUser({
      username: 'e2e_audit',
      password: 'Audit-e2e-Passw0rd!',
      roles: ['auditAdmin'],
      orgName: '办公室',
    });
    await server.createUser({
      username: 'e2e_sec',
      password: 'Sec-e2e-Passw0rd!',
      roles: ['secAdmin'],
      orgName: '办公室',
    });
    await server.createUser({
      username: 'e2e_staff2',
      password: 'Staff-e2e-Passw0rd!',
      roles: ['staff'],
    });

    await t.test(
      'the 系统管理员 enters the 2027 holiday notice; open deadlines are recomputed',
      async () => {
        const page = await signIn(browser, server.url, 'e2e_sys', 'Sys-e2e-Passw0rd!');
        await page.getByRole('menuitem', { name: '工作日历' }).click();
        await page.getByLabel('年度').selectOption('2027');
        await page.getByRole('heading', { name: '录入国务院放假通知（2027年）' }).waitFor();
        await assertNoSeriousA11yViolations(page, 'calendar screen');
        await page.getByLabel('通知标题').fill('国务院办公厅关于2027年部分节假日安排的通知');
        // The form opens with one empty 放假安排 row; its 名称 shows an example.
        const name = page.getByLabel('第1项 名称');
        assert.equal(await name.getAttribute('placeholder'), '如：春节');
        await name.fill('元旦');
        const range = page.locator('.ant-picker-range').first();
        await range.locator('input').first().click();
        await range.locator('input').first().fill('2027-01-01');
        await range.locator('input').nth(1).click();
        await range.locator('input').nth(1).fill('2027-01-03');
        await range.locator('input').nth(1).press('Enter');
        await page.getByRole('button', { name: '保存并重新计算期限' }).click();
        await page
          .getByText(/已保存2027年节假日安排，已重新计算\d+个未结期限/)
          .first()
          .waitFor({ timeout: 15_000 });
        // The year's table now lists the entered days.
        await page.getByRole('cell', { name: '元旦' }).first().waitFor({ timeout: 15_000 });
        // The 期限试算 draws its served form: 1 working day from 2026-12-31 skips that 元旦.
        const from = page.getByLabel('起算日期');
        await from.fill('2026-12-31');
        await from.press('Enter');
        await page.getByLabel('期限', { exact: true }).fill('1');
        await page.getByRole('button', { name: /^试\s?算$/ }).click();
        await page.getByText(/^2027-01-04（2027年1月4日/).waitFor({ timeout: 15_000 });
        await page.context().close();
      },
    );

    await t.test(
      'the 系统管理员 adds an organisation and a user with the served forms',
      async () => {
        const page = await signIn(browser, server.url, 'e2e_sys', 'Sys-e2e-Passw0rd!');
        await page.getByRole('menuitem', { name: '组织机构' }).click();
        await page.getByRole('button', { name: '新增机构' }).click();
        const org = page.getByRole('dialog', { name: '新增机构' });
        await org.getByLabel('机构名称').fill('示范市测试局');
        await org.getByLabel('机构类型').click();
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .filter({ hasText: '政府工作部门' })
          .first()
          .click();
        // The served format of the 统一社会信用代码 is checked in the form.
        await org.getByLabel('统一社会信用代码').fill('I1341600734987449Q');
        await org.getByRole('button', { name: '保存' }).click();
        await org.getByText('应为18位统一社会信用代码（数字或大写字母）').waitFor();
        await org.getByLabel('统一社会信用代码').fill('11341600734987449Q');
        await org.getByLabel('发文字号前缀').fill('测规');
        await assertNoSeriousA11yViolations(page, 'organisation form');
        await org.getByRole('button', { name: '保存' }).click();
        await org.waitFor({ state: 'hidden', timeout: 15_000 });
        await page
          .getByRole('cell', { name: '示范市测试局', exact: true })
          .waitFor({ timeout: 15_000 });

        await page.getByRole('menuitem', { name: '用户管理' }).click();
        await page.getByRole('button', { name: '新增用户' }).click();
        const user = page.getByRole('dialog', { name: '新增用户' });
        await user.getByText('用于登录，建议使用字母、数字').waitFor();
        await user.getByLabel('用户名').fill('e2e_new');
        await user.getByLabel('姓名').fill('新同事');
        await user.getByLabel('所属机构').click();
        await user.getByLabel('所属机构').fill('示范市测试局');
        await page
          .locator('.ant-select-tree-node-content-wrapper', { hasText: '示范市测试局' })
          .first()
          .click();
        await user.getByRole('button', { name: '创建并生成初始密码' }).click();
        await page.getByText('初始密码只显示这一次').waitFor({ timeout: 15_000 });
        await page.context().close();
      },
    );

    await t.test('the 安全管理员 keeps the security settings in the served form', async () => {
      const page = await signIn(browser, server.url, 'e2e_sec', 'Sec-e2e-Passw0rd!');
      await page.getByRole('menuitem', { name: '角色与安全' }).click();
      const card = page.locator('.ant-card', {
        has: page.getByRole('heading', { name: '安全策略' }),
      });
      const lockout = card.getByLabel('锁定时长');
      await lockout.waitFor({ timeout: 15_000 });
      assert.equal(await lockout.inputValue(), '15');
      await card.getByText('锁定期满自动解锁，也可由管理员提前解锁').waitFor();
      await lockout.fill('20');
      await card.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText('安全策略已保存').waitFor({ timeout: 15_000 });
      await page.context().close();
    });

    await t.test(
      'the 审计管理员 reads the log and verifies the chain; the notice is in it',
      async () => {
        const page = await signIn(browser, server.url, 'e2e_audit', 'Audit-e2e-Passw0rd!');
        await page.getByRole('menuitem', { name: '审计日志' }).click();
        await page.getByText('录入国务院放假通知').first().waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: '校验审计链' }).click();
        await page.getByText(/审计链完整：共 \d+ 条记录/).waitFor({ timeout: 15_000 });
        await assertNoSeriousA11yViolations(page, 'audit log');
        await page.context().close();
      },
    );

    await t.test(
      'business staff have no administration menu and the audit API refuses them',
      async () => {
        const page = await signIn(browser, server.url, 'e2e_staff2', 'Staff-e2e-Passw0rd!');
        assert.equal(await page.getByRole('menuitem', { name: '审计日志' }).count(), 0);
        const status = await page.evaluate(async () => (await fetch('/api/audit')).status);
        assert.equal(status, 403);
        await page.context().close();
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
