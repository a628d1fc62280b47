// 政府信息公开 in a real browser against the full app (demo publications): the portal's /xxgk pages
// pass axe (normal and 长者模式) and work without JavaScript; staff screens pass axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../../src/server/testing.ts';
import { assertNoSeriousA11yViolations, launchBrowser, newAxeContext } from './browser.ts';

const USER = { username: 'e2e_pub', password: 'Fazhi-e2e-Passw0rd!2025', roles: ['staff'] };
// Issue 13 item 11: the colleague named as 保密审查人, who passes the item in their own session.
const REVIEWER = {
  username: 'e2e_rev',
  password: 'Fazhi-e2e-Rev-Passw0rd!',
  roles: ['staff'],
  orgName: '办公室',
};
const ADMIN = {
  username: 'e2e_sys',
  password: 'Fazhi-e2e-Sys-Passw0rd!',
  roles: ['sysAdmin'],
  orgName: '办公室',
};

async function signIn(
  page: Page,
  base: string,
  who: { username: string; password: string },
  landmark: string,
) {
  await page.goto(`${base}/app/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(landmark).first().waitFor({ timeout: 30_000 });
}

test('政府信息公开 portal and staff screens in Chromium', { timeout: 300_000 }, async (t) => {
  const browser: Browser | undefined = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer();
  try {
    await server.createUser(USER);
    const base = server.url.replace(/\/$/, '');

    await t.test(
      '/xxgk, the catalogue, a publication page and the guide pass axe, also in 长者模式',
      async () => {
        const context = await newAxeContext(browser);
        const page = await context.newPage();
        await page.goto(`${base}/xxgk/catalog`);
        const first = page.locator('table.catalog tbody tr').first();
        await first.waitFor();
        const indexNumber = ((await first.locator('td').first().textContent()) ?? '').trim();
        assert.match(indexNumber, /^11341600734987449Q\/\d{6}-\d{5}$/);
        await assertNoSeriousA11yViolations(page, '/xxgk/catalog');
        await first.getByRole('link').click();
        await page.locator('table.meta-table').waitFor();
        assert.equal(await page.locator('table.meta-table th[scope="row"]').count(), 10);
        assert.ok((await page.locator('table.meta-table').textContent())!.includes(indexNumber));
        await assertNoSeriousA11yViolations(page, 'publication page');
        for (const path of ['/xxgk', '/xxgk/guide']) {
          await page.goto(base + path);
          await assertNoSeriousA11yViolations(page, path);
        }
        await page.getByRole('button', { name: '长者模式' }).click();
        await page.goto(`${base}/xxgk/catalog?year=${server.ctx.clock.today().slice(0, 4)}`);
        assert.equal(await page.locator('body.elder').count(), 1);
        await assertNoSeriousA11yViolations(page, '/xxgk/catalog (长者模式)');
        await context.close();
      },
    );

    await t.test(
      'without JavaScript: search the catalogue, filter by 组配分类, open an item',
      async () => {
        const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`${base}/xxgk/catalog`);
        await page.getByLabel('关键字').fill('习近平');
        await page.getByRole('button', { name: '检索' }).click();
        await page.waitForURL(/q=/);
        const rows = page.locator('table.catalog tbody tr');
        assert.equal(await rows.count(), 1);
        assert.match((await rows.first().textContent()) ?? '', /法治政府建设情况的报告/);
        await page.goto(`${base}/xxgk`);
        await page.getByRole('link', { name: '财政资金' }).click();
        assert.match((await page.locator('table.catalog').textContent()) ?? '', /部门预算/);
        await page.locator('table.catalog tbody tr a').first().click();
        await page.locator('table.meta-table').waitFor();
        assert.match((await page.locator('h1').textContent()) ?? '', /部门预算/);
        await context.close();
      },
    );

    await t.test(
      'staff: the list and the publish form pass axe; the form shows the 20-working-day due date',
      async () => {
        const context = await newAxeContext(browser);
        const page = await context.newPage();
        await signIn(page, base, USER, '我的待办');
        await page.getByRole('menuitem', { name: '主动公开' }).click();
        await page.getByRole('heading', { name: '主动公开' }).waitFor();
        await page.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
        assert.ok(
          (await page.getByText('超期公开').count()) >= 1,
          'the demo 工作要点 formed 30 working days ago is flagged',
        );
        await assertNoSeriousA11yViolations(page, '/app/publications');
        await page.locator('tbody tr.ant-table-row a').first().click();
        await page.getByText('保密审查').first().waitFor({ timeout: 15_000 });
        assert.ok((await page.getByText('信息索引').count()) >= 1);
        await assertNoSeriousA11yViolations(page, '/app/publications/:id');
        await page.getByRole('menuitem', { name: '公开指南' }).click();
        await page.getByRole('heading', { name: '政府信息公开指南' }).waitFor();
        // The form is filled once the guide has loaded.
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('input')].some(
              (i) => i.value === '示范市科学技术局办公室',
            ),
          undefined,
          { timeout: 15_000 },
        );
        assert.equal(await page.getByLabel('机构名称').inputValue(), '示范市科学技术局办公室');
        await assertNoSeriousA11yViolations(page, '/app/disclosure/guide');
        await page.getByRole('menuitem', { name: '主动公开' }).click();
        await page.getByRole('heading', { name: '主动公开' }).waitFor();
        await page.getByRole('button', { name: '发布信息' }).click();
        await page.getByRole('heading', { name: '发布主动公开信息' }).waitFor();
        // Checked before a date picker opens: its popup is Ant Design's own markup.
        await assertNoSeriousA11yViolations(page, '/app/publications/new');
        await page.getByLabel('生成日期（发文日期）').click();
        await page.getByLabel('生成日期（发文日期）').fill('2025-01-02');
        await page.keyboard.press('Enter');
        await page.getByText('前公开').first().waitFor({ timeout: 10_000 });
        assert.match((await page.getByRole('status').first().textContent()) ?? '', /超期公开/);
        // Recording an item published in the 政府公报 on 2025-01-20: on time, and the channel is asked for.
        await page.getByLabel('发布日期').click();
        await page.getByLabel('发布日期').fill('2025-01-20');
        await page.keyboard.press('Enter');
        await page.getByLabel('首次发布渠道').waitFor({ timeout: 10_000 });
        await page.waitForFunction(
          () => !document.querySelector('[role="status"]')?.textContent?.includes('超期公开'),
          undefined,
          { timeout: 10_000 },
        );
        assert.match((await page.getByRole('status').first().textContent()) ?? '', /前公开/);
        // Issue 13 item 11: the 保密审查人 is another account of the department, chosen; never the drafter by default.
        const reviewer = page.getByLabel('审查人');
        assert.equal(
          await reviewer.inputValue(),
          '',
          'no reviewer preset (it used to be the clerk)',
        );
        await reviewer.click();
        const options = await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .allInnerTexts();
        assert.ok(options.length >= 1, 'colleagues are offered');
        assert.ok(
          !options.includes(USER.username),
          'the drafter is not offered as their own reviewer',
        );
        await page.keyboard.press('Escape');
        await context.close();
      },
    );

    await t.test(
      '保密审查 (条例第十七条): the drafter asks, the named reviewer passes it in their own session, it is on the portal; 撤回 asks its reason',
      async () => {
        await server.createUser(REVIEWER);
        const title = '示范市科学技术局关于开展科技活动周的通知';
        const drafter = await newAxeContext(browser);
        const page = await drafter.newPage();
        await signIn(page, base, USER, '我的待办');
        await page.goto(`${base}/app/publications/new`);
        await page.getByRole('heading', { name: '发布主动公开信息' }).waitFor();
        await page.getByLabel('名称').fill(title);
        const pick = async (label: string, option: string) => {
          await page.getByLabel(label, { exact: true }).click();
          await page
            .locator(
              '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
            )
            .filter({ hasText: option })
            .first()
            .click();
        };
        await pick('组配分类', '政策文件');
        await pick('主题分类', '科技、教育/科技');
        await page.getByLabel('生成日期（发文日期）').click();
        await page.getByLabel('生成日期（发文日期）').fill('2025-02-28');
        await page.keyboard.press('Enter');
        // The server's today (the test clock), not the browser's.
        await page.getByLabel('发布日期').click();
        await page.getByLabel('发布日期').fill('2025-03-03');
        await page.keyboard.press('Enter');
        await page.getByLabel('正文').fill('各有关单位：\n\n现就开展科技活动周有关事项通知如下。');
        await pick('保密审查人', REVIEWER.username);
        await page.getByRole('button', { name: '提请保密审查并发布' }).click();
        await page.waitForURL(/\/app\/publications\/reviews\/[0-9a-f-]+$/, { timeout: 20_000 });
        await page.getByText('待保密审查').first().waitFor({ timeout: 20_000 });
        assert.equal(
          await page.getByRole('button', { name: '通过并公开' }).count(),
          0,
          'not the drafter',
        );
        await assertNoSeriousA11yViolations(page, '/app/publications/reviews/:id');
        const portal = await page.goto(`${base}/xxgk/catalog?category=policy`);
        assert.ok(!(await portal!.text()).includes(title), 'not on the portal before the review');
        await drafter.close();

        const reviewerContext = await newAxeContext(browser);
        const rp = await reviewerContext.newPage();
        await signIn(rp, base, REVIEWER, '保密审查');
        await rp.goto(`${base}/app/publications/reviews`);
        await rp.getByRole('link', { name: title }).click();
        await rp.getByRole('button', { name: '通过并公开' }).click();
        await rp.getByLabel('审查意见').fill('不涉及国家秘密，可以公开');
        await rp.getByRole('button', { name: '确认通过并公开' }).click();
        await rp.getByText('已公开').first().waitFor({ timeout: 45_000 });
        const published = await rp
          .getByRole('link', { name: '查看已公开的信息' })
          .getAttribute('href');
        const after = await rp.goto(`${base}/xxgk/catalog?category=policy`);
        assert.ok((await after!.text()).includes(title), 'on the portal once passed');
        // 撤回: the served 撤回理由 asks at least its declared length before the route is called.
        await rp.goto(`${base}${published}`);
        await rp.getByRole('button', { name: '撤回', exact: true }).click();
        const withdraw = rp.getByRole('dialog');
        await withdraw.getByLabel('撤回理由').fill('错发');
        await withdraw.getByRole('button', { name: '撤回', exact: true }).click();
        await withdraw.getByText('请填写撤回理由（至少4个字）').waitFor({ timeout: 10_000 });
        await withdraw.getByLabel('撤回理由').fill('错发了内部通知');
        await withdraw.getByRole('button', { name: '撤回', exact: true }).click();
        await rp.getByText('撤回理由：错发了内部通知').waitFor({ timeout: 20_000 });
        await reviewerContext.close();
      },
    );

    await t.test(
      '业务设置: the 系统管理员 sets the 索引号 pattern, the classes and the upload limit; staff see the effect',
      async () => {
        await server.createUser(ADMIN);
        const context = await newAxeContext(browser);
        const page = await context.newPage();
        await signIn(page, base, ADMIN, '没有业务待办');
        await page.getByRole('menuitem', { name: '业务设置' }).click();
        await page.getByRole('heading', { name: '业务设置', level: 1 }).waitFor();
        const pattern = page.getByLabel('索引号格式');
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('input')].some(
              (i) => i.value === '{creditCode}/{YYYYMM}-{seq:5}',
            ),
          undefined,
          { timeout: 15_000 },
        );
        await assertNoSeriousA11yViolations(page, '/app/settings');
        // A pattern without a sequence is refused, in the preview and on saving.
        await pattern.fill('{creditCode}/{YYYY}');
        await page
          .getByText('该格式不能使用：必须且只能包含一个顺序号')
          .waitFor({ timeout: 10_000 });
        await page.getByRole('button', { name: '保存', exact: true }).first().click();
        await page
          .locator('.ant-form-item-explain-error', {
            hasText: '索引号格式：必须且只能包含一个顺序号',
          })
          .waitFor({ timeout: 10_000 });
        await pattern.fill('{orgCode}-{YYYY}-{seq:6}');
        await page.getByText(/示例：734987449-\d{4}-000001/).waitFor({ timeout: 10_000 });
        // Save once the preview has settled, and wait for the server's answer (the machine may be busy).
        const [saved] = await Promise.all([
          page.waitForResponse(
            (r) => r.url().endsWith('/api/settings/index-number') && r.request().method() === 'PUT',
            { timeout: 30_000 },
          ),
          // Enter in the field submits its form (a click can land while the preview above re-renders).
          pattern.press('Enter'),
        ]);
        assert.equal(saved.status(), 200, await saved.text());
        await page.getByText('索引号规则已保存').waitFor({ timeout: 20_000 });
        // A class in use cannot be removed; a new one is added.
        assert.equal(await page.getByRole('button', { name: '删除财政资金' }).isDisabled(), true);
        await page.getByLabel('新增组配分类名称').fill('科普活动');
        await page.getByRole('button', { name: '添加' }).first().click();
        await page.getByRole('button', { name: '保存分类' }).click();
        await page.getByText('分类已保存').waitFor({ timeout: 10_000 });
        await page.getByLabel('单个文件大小上限').fill('5');
        await page
          .locator('.ant-card', { has: page.getByRole('heading', { name: '附件大小上限' }) })
          .getByRole('button', { name: '保存', exact: true })
          .click();
        await page.getByText('附件大小上限已保存').waitFor({ timeout: 10_000 });
        // The toasts fade out (their half-transparent frames would be measured as low contrast): wait until they are gone.
        await page.waitForFunction(
          () => !document.querySelector('.ant-message-notice'),
          undefined,
          { timeout: 15_000 },
        );
        await assertNoSeriousA11yViolations(page, '/app/settings after saving');
        await context.close();

        const staff = await newAxeContext(browser);
        const sp = await staff.newPage();
        await signIn(sp, base, USER, '我的待办');
        await sp.goto(`${base}/app/publications/new`);
        await sp.getByText('单个文件不超过 5 MB').waitFor({ timeout: 15_000 });
        assert.match(
          (await sp
            .getByRole('heading', { name: '发布主动公开信息' })
            .locator('xpath=..')
            .textContent()) ?? '',
          /\{orgCode\}-\{YYYY\}-\{seq:6\}/,
        );
        await sp.goto(`${base}/xxgk`);
        await sp.getByRole('link', { name: '科普活动' }).waitFor();
        await staff.close();
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
