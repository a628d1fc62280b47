// 网民留言 in a real browser: a citizen leaves a message on the portal (consenting to publication); the
// 办公室 finds it as a ticket, signs for it and replies; after the 回访 the reply is published on the portal
// without personal data and the citizen rates it with the tracking code; the 系统管理员 creates the
// platform's token. Every screen is axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../../src/server/testing.ts';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';

const PW = 'Fazhi-e2e-Hotline-Passw0rd!';
const TITLE = '科技型中小企业评价入库咨询';

test('a portal message → ticket → reply → published → rated', { timeout: 300_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2025-03-03T02:00:00.000Z');
  const base = server.url;
  try {
    await server.createUser({
      username: 'e2e_hl',
      password: PW,
      roles: ['staff'],
      orgName: '办公室',
    });
    const citizen = await (await newAxeContext(browser)).newPage();

    // 1. The message, without JavaScript: the form, the tracking code.
    await citizen.goto(`${base}/wmly/new`);
    await assertNoSeriousA11yViolations(citizen, 'message form');
    await citizen.getByLabel('留言类型').selectOption({ label: '咨询' });
    await citizen.getByLabel('留言标题').fill(TITLE);
    await citizen
      .getByLabel('留言内容')
      .fill('请问科技型中小企业评价入库需要满足哪些条件？<script>alert(1)</script>');
    await citizen.getByLabel('姓名').fill('周七');
    await citizen.getByLabel('联系电话').fill('13700007777');
    await citizen.getByLabel('同意在网站公开答复（公开时删除个人信息）').check();
    await citizen.getByRole('button', { name: '提交留言' }).click();
    await citizen.getByText('留言已提交').waitFor({ timeout: 15_000 });
    const trackUrl = citizen.url().replace(/\?.*$/, '');
    assert.match(trackUrl, /\/wmly\/track\/[a-z2-7]{32}$/);
    await assertNoSeriousA11yViolations(citizen, 'tracking page');

    // 2. The 办公室 sees the ticket with the citizen in full, signs for it and replies.
    const staff = await workbenchAt(browser, base, 'e2e_hl', PW, `${base}/app/hotline`);
    await staff.getByRole('link', { name: TITLE }).waitFor();
    await assertNoSeriousA11yViolations(staff, 'ticket list');
    await staff.getByRole('link', { name: TITLE }).click();
    await staff.getByText('13700007777').first().waitFor();
    await assertNoSeriousA11yViolations(staff, 'ticket page');
    await submitDialog(staff, '签收');
    await submitDialog(staff, '答复', async (d) => {
      await d
        .getByLabel('答复内容')
        .fill(
          '周七您好：企业须在境内注册、职工总数不超过500人、年销售收入不超过2亿元，具体以评价办法为准。',
        );
    });
    await staff.getByText('已答复待回访').first().waitFor();
    await submitDialog(staff, '登记回访', async (d) => {
      await d.getByLabel('满意度').selectOption({ label: '满意' });
    });
    await staff.getByText('已办结').first().waitFor();

    // 3. Publication refuses the citizen's name; without it the reply goes on the portal.
    await staff.getByRole('button', { name: '在门户网站公开答复' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog
      .getByText(/含有诉求人的姓名/)
      .first()
      .waitFor();
    await dialog
      .getByLabel('公开的答复内容')
      .fill(
        '您好：企业须在境内注册、职工总数不超过500人、年销售收入不超过2亿元，具体以评价办法为准。',
      );
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await citizen.goto(`${base}/wmly`);
    await citizen.getByText('职工总数不超过500人').first().waitFor();
    assert.ok(!(await citizen.content()).includes('13700007777'));
    assert.ok(!(await citizen.content()).includes('周七'));
    await assertNoSeriousA11yViolations(citizen, 'published replies');

    // 4. The citizen rates it once with the tracking code.
    await citizen.goto(trackUrl);
    await citizen.getByLabel('非常满意').check();
    await citizen.getByLabel('评价意见（选填）').fill('答复清楚');
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('感谢您的评价').waitFor();
    assert.equal(await citizen.getByRole('button', { name: '提交评价' }).count(), 0, 'rated once');
    await assertNoSeriousA11yViolations(citizen, 'rated');

    await staff.goto(`${base}/app/hotline/ratings`);
    await staff.getByRole('cell', { name: '示范市科学技术局' }).first().waitFor();
    await assertNoSeriousA11yViolations(staff, 'ratings chart');

    // 5. The 系统管理员 creates the platform's token with the served 令牌名称 (shown once).
    await server.createUser({
      username: 'e2e_hl_sys',
      password: PW,
      roles: ['sysAdmin'],
      orgName: '办公室',
    });
    const admin = await workbenchLogin(browser, base, 'e2e_hl_sys', PW, '没有业务待办');
    await admin.goto(`${base}/app/hotline/import`);
    await admin.getByLabel('令牌名称').waitFor();
    await admin.getByRole('button', { name: '创建令牌' }).click();
    await admin.getByText('请填写令牌名称').waitFor({ timeout: 10_000 });
    await admin.getByLabel('令牌名称').fill('区12345平台');
    await admin.getByRole('button', { name: '创建令牌' }).click();
    await admin.getByText('请立即复制令牌，关闭后不再显示').waitFor({ timeout: 15_000 });
    await admin.getByRole('cell', { name: '区12345平台' }).waitFor();
    assert.equal(await admin.getByLabel('令牌名称').inputValue(), '', 'the form is emptied');
    await assertNoSeriousA11yViolations(admin, 'platform tokens');
  } finally {
    await server.close();
  }
});
