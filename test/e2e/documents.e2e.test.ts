// 行政规范性文件 in a real browser: a 科室 drafts a document, opens it for comment, a citizen
// comments on the portal (no JavaScript needed), staff give the disposition and publish the
// feedback, the legal office reviews, the leader records the deliberation, the document is
// numbered and published, and it appears in the portal registry; the legal office then runs a 清理
// campaign over the documents in force and publishes its result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import {
  askSecrecyReview,
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { gongwenDocx } from '../../src/core/docx/gongwen.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const TITLE = '示范市关于落实习近平总书记重要指示推进科技创新券改革的办法';

const login = (browser: Browser, base: string, username: string) =>
  workbenchLogin(browser, base, username, PW);
const modal = submitDialog;

// The forms use native selects (antd's Select fails axe).
async function pick(dialog: Locator, label: string, option: string) {
  await dialog.getByLabel(label, { exact: true }).selectOption({ label: option });
}

test('a normative document from draft to the portal registry', { timeout: 300_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2025-03-03T02:00:00.000Z');
  const base = server.url;
  const setDay = server.setDay;
  try {
    await server.createUser({ username: 'e2e_ds', password: PW, roles: ['staff'] });
    await server.createUser({
      username: 'e2e_legal',
      password: PW,
      roles: ['legalOfficer'],
      orgName: '政策法规科',
    });
    await server.createUser({
      username: 'e2e_lead',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    });

    const staff = await login(browser, base, 'e2e_ds');
    await staff.goto(`${base}/app/documents/new`);
    await staff.getByLabel('文件名称').fill(TITLE);
    await staff.getByLabel('正文').fill('第一条 为落实习近平总书记重要指示，制定本办法。');
    await staff.getByRole('button', { name: '保存草案' }).click();
    await staff.getByRole('heading', { name: TITLE }).waitFor({ timeout: 45_000 });
    await assertNoSeriousA11yViolations(staff, 'document page');
    const docUrl = staff.url();
    // The body comes from an uploaded .docx (kept as the file), then the draft is edited before it goes out for comment.
    const docx = await gongwenDocx({
      title: TITLE,
      blocks: [
        { kind: 'p', text: '第一条 为落实习近平总书记重要指示，制定本办法。' },
        { kind: 'p', text: '第二条 创新券用于购买科技服务。' },
      ],
    });
    await staff.locator('input[type=file]').setInputFiles({
      name: '创新券办法.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await staff.getByRole('link', { name: '创新券办法.docx' }).waitFor();
    await staff.getByText('第二条 创新券用于购买科技服务。').first().waitFor();
    await staff.getByRole('button', { name: '修改草案' }).click();
    await staff
      .getByLabel('正文')
      .fill(
        '第一条 为落实习近平总书记重要指示，制定本办法。\n第二条 创新券用于购买科技服务。\n第三条 本办法自发布之日起施行。',
      );
    await assertNoSeriousA11yViolations(staff, 'draft edit form');
    await staff.getByRole('button', { name: '保存修改' }).click();
    await staff.getByText('第三条 本办法自发布之日起施行。').first().waitFor();

    await modal(staff, '公开征求意见', async (d) => {
      await d.getByLabel('截止日期').fill('2025-03-12');
      await d.getByLabel('截止日期').press('Enter');
    });
    await staff.getByText('征求意见期限：2025-03-03 至 2025-03-12').waitFor();

    // A citizen comments on the portal.
    const publicCtx = await newAxeContext(browser); // the portal ships no scripts; JS only runs axe
    const portal = await publicCtx.newPage();
    portal.setDefaultTimeout(45_000);
    await portal.goto(`${base}/gfxwj`);
    await portal.getByRole('link', { name: `${TITLE}（征求意见稿）` }).click();
    await assertNoSeriousA11yViolations(portal, 'consultation page');
    await portal.getByLabel('针对条款（可选）').selectOption('2');
    await portal.getByLabel('意见建议（必填）').fill('建议第二条明确创新券的使用范围<b>');
    await portal.getByLabel('联系方式（可选，不公开）').fill('13900000000');
    await portal.getByRole('button', { name: '提交意见' }).click();
    await portal.getByText('意见已提交').waitFor();

    await setDay('2025-03-13');
    await staff.reload();
    await staff.getByRole('button', { name: '结束征求意见' }).click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await staff.getByRole('button', { name: '处理第1条意见' }).waitFor();
    await modal(staff, '处理第1条意见', async (d) => {
      await pick(d, '处理意见', '部分采纳');
      await d.getByLabel('理由').fill('使用范围由年度申报通知确定');
    });
    await staff.getByRole('button', { name: '公布意见采纳情况' }).click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await staff.getByText(/意见采纳情况已于2025-03-13公布/).waitFor();
    await modal(staff, '提交合法性审核');

    const legal = await login(browser, base, 'e2e_legal');
    await legal.goto(docUrl);
    await modal(legal, '出具合法性审核意见', async (d) => {
      await pick(d, '审核结论', '合法');
      await d.getByLabel('审核意见').fill('经审核，该文件合法。');
    });

    // The 局长办公会 that deliberates it: scheduled, the document on its agenda, its record entered.
    await staff.goto(`${base}/app/meetings`);
    await modal(staff, '安排会议', async (d) => {
      await d.getByLabel('会议日期').fill('2025-03-13');
      await d.getByLabel('会议日期').press('Enter');
    });
    await staff.getByRole('heading', { name: /2025年第\d+次局长办公会/ }).waitFor();
    const meetingName = (await staff.getByRole('heading', { level: 1 }).textContent())!.trim();
    await modal(staff, '增加议题', async (d) => {
      await d.getByLabel('议题名称').fill('审议创新券改革办法');
      await pick(d, '关联事项', `行政规范性文件：${TITLE}`);
    });
    await modal(staff, '登记会议记录', async (d) => {
      await d.getByLabel('出席人员').fill('局长、副局长、各科室负责人');
      await d.getByLabel('会议纪要').fill('会议审议了创新券改革办法，同意印发。');
    });
    await staff.goto(docUrl);

    const leader = await login(browser, base, 'e2e_lead');
    await leader.goto(docUrl);
    await modal(leader, '集体审议决定', async (d) => {
      await pick(d, '会议', `${meetingName}（2025-03-13）`);
      await pick(d, '审议结果', '审议通过');
    });

    await staff.reload();
    await modal(staff, '统一登记编号');
    await staff.getByText('科规〔2025〕1号').first().waitFor();
    // The 保密审查 (条例第十七条) is the named colleague's act in their own session, then 公开发布.
    await askSecrecyReview(staff, 'e2e_legal');
    await staff.getByText('待保密审查').first().waitFor();
    await legal.goto(docUrl);
    await legal.getByRole('button', { name: '保密审查通过' }).click();
    await legal.getByRole('dialog').getByRole('button', { name: '确认通过' }).click();
    // Decided: the panel shows the review's date (the button of the same name shows before it too).
    await legal.getByText('审查日期').waitFor();
    await staff.reload();
    await modal(staff, '公开发布', async (d) => {
      await d
        .getByLabel('政策解读')
        .fill('一、制定背景。二、主要内容：创新券的申领、使用和兑付。三、施行时间。');
    });
    await staff.getByText('有效').first().waitFor();
    await staff.goto(`${base}/app/documents`);
    await staff.getByRole('link', { name: TITLE }).waitFor();
    await assertNoSeriousA11yViolations(staff, 'documents list');

    await portal.goto(`${base}/gfxwj?q=${encodeURIComponent('习近平')}&status=inForce`);
    await portal.getByRole('link', { name: TITLE }).click();
    const body = (await portal.content()).replace(/\s+/g, '');
    for (const s of [
      '科规〔2025〕1号',
      '索引号',
      '政策解读',
      '意见采纳情况',
      '部分采纳',
      '&lt;b&gt;',
    ])
      assert.ok(body.includes(s), s);
    assert.ok(!body.includes('13900000000'), 'contact details are private');
    await assertNoSeriousA11yViolations(portal, 'registry document page');

    // 清理: the legal office reviews the documents in force and publishes the result.
    await legal.goto(`${base}/app/documents/cleanups`);
    await legal.getByRole('heading', { name: '规范性文件清理' }).waitFor();
    await assertNoSeriousA11yViolations(legal, 'cleanup campaigns list');
    await modal(legal, '开展清理', async (d) => {
      await d.getByLabel('清理工作名称').fill('2025年规范性文件专项清理');
    });
    await legal.getByRole('heading', { name: '2025年规范性文件专项清理' }).waitFor();
    await legal.getByText('尚有1份未提出清理意见').waitFor();
    await modal(legal, `提出意见：${TITLE}`, async (d) => {
      await pick(d, '清理意见', '保留');
    });
    await legal.getByText('清理规范性文件1份，失效文件0份，废止文件0份，有效文件1份。').waitFor();
    await assertNoSeriousA11yViolations(legal, 'cleanup campaign page');
    await legal.getByRole('button', { name: '公布清理结果' }).click();
    await legal.getByRole('button', { name: '公布', exact: true }).click();
    await legal.getByRole('link', { name: '门户网站上的清理结果' }).waitFor();
    await portal.goto(`${base}/gfxwj/qingli`);
    await portal.getByRole('link', { name: '2025年规范性文件专项清理' }).click();
    await portal.getByText('清理规范性文件1份，失效文件0份，废止文件0份，有效文件1份。').waitFor();
    await assertNoSeriousA11yViolations(portal, 'cleanup result page');
  } finally {
    await browser.close();
    await server.close();
  }
});
