// 依申请公开 in a real browser against the full app: a citizen applies on the portal and tracks the
// request; staff ask for 补正; the citizen's correction restarts the clock; staff answer 部分公开;
// the citizen sees the result; the annual report's table 三 counts it in the right cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../../src/server/testing.ts';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';

const STAFF = { username: 'e2e_xxgk', password: 'Fazhi-e2e-Xxgk-Passw0rd!', roles: ['staff'], orgName: '办公室' }; // the disclosure office: sees applicants' data in full
const DESCRIPTION = '贵局2026年的科技项目材料';

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/app/login`);
  await page.getByLabel('用户名').fill(STAFF.username);
  await page.getByLabel('密码', { exact: true }).fill(STAFF.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('我的待办').first().waitFor({ timeout: 30_000 });
}


test('依申请公开 end to end in Chromium', { timeout: 300_000 }, async (t) => {
  const browser: Browser | undefined = await launchBrowser(t);
  if (!browser) return;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  try {
    server = await startTestServer();
    const today = server.ctx.clock.today();
    const isoPlus = (days: number) => server!.ctx.calendar.current().addDays(today, days);
    await server.createUser(STAFF);
    const base = server.url.replace(/\/$/, '');
    const citizen = await newAxeContext(browser); // the portal pages carry no script: the form works as plain HTML
    const staffCtx = await newAxeContext(browser);
    const c = await citizen.newPage();
    const s = await staffCtx.newPage();

    // 1. The citizen applies (no JavaScript needed) and lands on the tracking page.
    await c.goto(`${base}/xxgk/apply`);
    await assertNoSeriousA11yViolations(c, '/xxgk/apply');
    await c.getByLabel('姓名或名称').fill('赵六');
    await c.getByLabel('证件号码（公民填写）').fill('110101199202020033');
    await c.getByLabel('联系电话').fill('13600000000');
    await c.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill(DESCRIPTION);
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.getByText('申请已提交').waitFor({ timeout: 15_000 });
    const trackUrl = c.url().replace(/\?.*$/, '');
    assert.match(trackUrl, /\/xxgk\/track\/[a-z2-7]{32}$/);
    assert.match(await c.locator('main').innerText(), /办理中/);
    assert.ok(!(await c.content()).includes('13600000000'), 'no personal data on the tracking page');
    await assertNoSeriousA11yViolations(c, 'tracking page');

    // 2. Staff find it and ask for 补正 (once, within 7 working days).
    await signIn(s, base);
    await s.goto(`${base}/app/disclosure/requests`);
    await s.getByRole('link', { name: DESCRIPTION }).waitFor({ timeout: 15_000 });
    await assertNoSeriousA11yViolations(s, 'requests list');
    await s.getByRole('link', { name: DESCRIPTION }).click();
    await s.getByText('申请人与申请内容').waitFor({ timeout: 15_000 });
    assert.ok((await s.getByText('赵六').count()) >= 1);
    await assertNoSeriousA11yViolations(s, 'request page');
    await s.getByRole('button', { name: '一次性告知补正' }).click();
    const dialog = s.getByRole('dialog');
    await dialog.getByLabel('需要补正的事项').fill('请写明所需科技项目的名称或文号');
    await dialog.getByLabel('补正期限').fill(isoPlus(15));
    await dialog.getByLabel('补正期限').press('Enter');
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await s.getByText('已办理：一次性告知补正').waitFor({ timeout: 15_000 });

    // 3. The citizen sees the items and corrects the request: the clock restarts from today.
    await c.goto(trackUrl);
    await c.getByText('等待申请人补正').waitFor();
    assert.match(await c.locator('main').innerText(), /请写明所需科技项目的名称或文号/);
    await c.getByLabel('补正后的申请内容').fill('2026年度市级科技计划项目立项清单');
    await c.getByRole('button', { name: '提交补正' }).click();
    await c.getByText('补正材料已提交').waitFor({ timeout: 15_000 });
    const afterSupplement = await c.locator('main').innerText();
    assert.match(afterSupplement, /办理中/);
    assert.match(afterSupplement, /重新起算/);

    // 4. Staff answer 部分公开 with reasons.
    await s.reload();
    await s.getByRole('button', { name: '作出答复' }).click();
    const answer = s.getByRole('dialog');
    await answer.getByLabel('答复类型（年度报告表三）').click();
    await s.keyboard.type('部分公开');
    await s.keyboard.press('Enter');
    await answer.getByLabel('理由（不予公开、部分公开、无法提供、不予处理时必填）').fill('立项清单中涉及企业商业秘密的内容不予公开');
    await answer.getByRole('button', { name: '确认答复' }).click();
    await s.getByText('已办理：作出答复').waitFor({ timeout: 15_000 });
    await s.getByText('下载答复书（.docx）').waitFor();

    // 5. The citizen sees the result.
    await c.goto(trackUrl);
    const answered = await c.locator('main').innerText();
    assert.match(answered, /已答复/);
    assert.match(answered, /部分公开/);

    // 6. The annual report counts it under （二）部分公开 × 自然人, and the cell lists it.
    const year = Number(today.slice(0, 4));
    await s.goto(`${base}/app/disclosure/report?year=${year}`);
    const cell = s.getByRole('button', { name: /^（二）部分公开.* 自然人 1件$/ });
    await cell.waitFor({ timeout: 15_000 });
    await cell.click();
    await s.getByRole('dialog').getByRole('link', { name: '2026年度市级科技计划项目立项清单' }).waitFor({ timeout: 15_000 });
    await assertNoSeriousA11yViolations(s, 'annual report page');

    // 7. Staff register a 平常信函 (条例 Art 31(2)): arrived one day, confirmed with the applicant the next;
    //    a later confirmation needs its reason, and the request is received on the confirmation date.
    await s.goto(`${base}/app/disclosure/requests`);
    await s.getByRole('button', { name: '登记申请' }).click();
    const intake = s.getByRole('dialog');
    await intake.getByLabel('签收日期').waitFor();
    await intake.getByLabel('申请渠道').click();
    await s.locator('.ant-select-item-option', { hasText: '平常信函' }).click();
    await intake.getByLabel('信函收到日期').fill(isoPlus(-2));
    await intake.getByLabel('信函收到日期').press('Enter');
    await intake.getByLabel('与申请人确认日期').fill(isoPlus(-1));
    await intake.getByLabel('与申请人确认日期').press('Enter');
    await intake.getByLabel('姓名或名称').fill('孙八');
    await intake.getByLabel('所需政府信息的描述').fill('2026年度科技特派员名单');
    await intake.getByRole('button', { name: /^登\s?记$/ }).click();
    await intake.getByText('请填写未能当日确认的原因').waitFor({ timeout: 15_000 });
    await assertNoSeriousA11yViolations(s, 'intake form');
    await intake.getByLabel('未能当日确认的原因').fill('收到当日申请人电话无人接听');
    await intake.getByRole('button', { name: /^登\s?记$/ }).click();
    await s.getByText('申请人与申请内容').waitFor({ timeout: 15_000 });
    const [y, m, d] = isoPlus(-1).split('-').map(Number);
    assert.match(await s.locator('main').innerText(), new RegExp(`${y}年${m}月${d}日；.*与申请人确认.*未能当日确认的原因：收到当日申请人电话无人接听`));
    await citizen.close();
    await staffCtx.close();
  } finally {
    await browser.close();
    if (server) await server.close();
  }
});
