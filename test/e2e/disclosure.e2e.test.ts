// 依申请公开 in a real browser against the full app: a citizen applies on the portal and tracks the
// request; staff ask for 补正; the citizen's correction restarts the clock; staff answer 部分公开;
// the citizen sees the result; the annual report's table 三 counts it in the right cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../../src/server/testing.ts';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';

const STAFF = {
  username: 'e2e_xxgk',
  password: 'Fazhi-e2e-Xxgk-Passw0rd!',
  roles: ['staff'],
  orgName: '办公室',
}; // the disclosure office: sees applicants' data in full
const LEADER = {
  username: 'e2e_xxgk_lead',
  password: 'Fazhi-e2e-Lead-Passw0rd!',
  roles: ['leader'],
  orgName: '示范市科学技术局',
}; // approves (条例 Art 33)
const DESCRIPTION = '贵局2026年的科技项目材料';

async function signIn(
  page: Page,
  base: string,
  who: { username: string; password: string } = STAFF,
) {
  await page.goto(`${base}/app/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
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
    await server.createUser(LEADER);
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
    assert.ok(
      !(await c.content()).includes('13600000000'),
      'no personal data on the tracking page',
    );
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

    // 4. Staff ask to extend the period; it waits in the leader's 我的待办 and takes effect when the leader
    //    consents in their own session (条例 Art 33 ¶2). Then staff draft 部分公开 and the leader signs it off (审签).
    await s.reload();
    const requestUrl = s.url();
    await s.getByRole('button', { name: '申请延长答复期限' }).click();
    const ext = s.getByRole('dialog');
    await ext.getByLabel('延长工作日数').fill('10');
    await ext.getByLabel('延长理由').fill('需要调取档案');
    await ext.getByRole('button', { name: '提请审批' }).click();
    await s.getByText('已办理：申请延长答复期限').waitFor({ timeout: 15_000 });
    await s.getByText(/待审批：延长答复期限（e2e_xxgk于.*提请，由局领导审批）/).waitFor();
    assert.equal(
      await s.getByRole('button', { name: '同意延长', exact: true }).count(),
      0,
      'the clerk does not approve their own ask',
    );
    const leadCtx = await newAxeContext(browser);
    const l = await leadCtx.newPage();
    await signIn(l, base, LEADER);
    await l.getByRole('cell', { name: '审批延长答复期限' }).first().waitFor({ timeout: 15_000 });
    await l.goto(requestUrl);
    await l.getByRole('button', { name: '同意延长', exact: true }).click();
    await l.getByRole('dialog').getByLabel('审批意见').fill('同意延长10个工作日');
    await l.getByRole('dialog').getByRole('button', { name: '确认同意延长' }).click();
    await l.getByText('已办理：同意延长').waitFor({ timeout: 15_000 });
    await assertNoSeriousA11yViolations(l, 'request page (approver)');
    await s.reload();
    await s
      .getByText(/经批准延长10个工作日/)
      .first()
      .waitFor({ timeout: 15_000 });

    await s.getByRole('button', { name: '拟定答复并提请审签' }).click();
    const answer = s.getByRole('dialog');
    await answer.getByLabel('答复类型（年度报告表三）').click();
    await s.keyboard.type('部分公开');
    await s.keyboard.press('Enter');
    await answer
      .getByLabel('理由（不予公开、部分公开、无法提供、不予处理时必填）')
      .fill('立项清单中涉及企业商业秘密的内容不予公开');
    await answer.getByRole('button', { name: '提请审签' }).click();
    await s.getByText('已办理：拟定答复并提请审签').waitFor({ timeout: 15_000 });
    assert.equal(await s.getByText('下载答复书（.docx）').count(), 0, 'not answered before 审签');
    await l.goto(requestUrl);
    await l.getByText(/待审批：答复审签/).waitFor({ timeout: 15_000 });
    await l.getByRole('button', { name: '审签同意' }).click();
    await l.getByRole('dialog').getByRole('button', { name: '确认审签同意' }).click();
    await l.getByText('已办理：审签同意').waitFor({ timeout: 15_000 });
    await leadCtx.close();
    await s.reload();
    await s.getByText('下载答复书（.docx）').waitFor({ timeout: 15_000 });
    // Issue 13 item 19: the record names the outcome once (not 「（二）部分公开部分公开」).
    const record = await s.locator('main').innerText();
    assert.match(record, /（二）部分公开/);
    assert.doesNotMatch(record, /部分公开部分公开/);

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
    await s
      .getByRole('dialog')
      .getByRole('link', { name: '2026年度市级科技计划项目立项清单' })
      .waitFor({ timeout: 15_000 });
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
    assert.match(
      await s.locator('main').innerText(),
      new RegExp(
        `${y}年${m}月${d}日；.*与申请人确认.*未能当日确认的原因：收到当日申请人电话无人接听`,
      ),
    );
    await citizen.close();
    await staffCtx.close();
  } finally {
    await browser.close();
    if (server) await server.close();
  }
});
