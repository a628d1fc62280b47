// 重大行政决策 in a real browser: the catalogue is adjusted (and the adjustment published), a decision
// is started from it, its draft goes to the portal where a citizen comments, the comment gets its
// disposition, the legality review runs through the reviews queue with a 法律顾问's opinion, the
// decision is put on a 局长办公会 agenda, the meeting is recorded with a 列席 public representative,
// the head decides, the decision is published with its adopted text (not the 征求意见稿) and its 解读
// and appears on the portal; the archive exports. Every screen is axe-clean. Issue 13 items 8, 9 and
// 16: 公众参与 in progress while the public comments, the steps table inside its card with unwrapped
// dates, the summary disabled with the engine's reason before the feedback is published.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import {
  askSecrecyReview,
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { users } from '../../src/core/auth/schema.ts';
import { createAdvisor } from '../../src/modules/reviews/advisors.ts';
import type { Actor } from '../../src/core/auth/actor.ts';
import type { Role } from '../../src/core/auth/roles.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';

/**
 * 保密审查 (条例第十七条) on the page at `url`: the drafter names the legal office's officer (e2e_dl) on
 * the panel, who passes it in their own session; the drafter's page is then reloaded.
 */
async function secrecyReview(staff: Page, legal: Page, url: string) {
  await askSecrecyReview(staff, 'e2e_dl');
  await staff.getByText('待保密审查').first().waitFor();
  assert.equal(
    await staff.getByRole('button', { name: '保密审查通过' }).count(),
    0,
    'not the drafter',
  );
  await legal.goto(url);
  await legal.getByRole('button', { name: '保密审查通过' }).click();
  await legal.getByRole('textbox', { name: '审查意见' }).fill('不涉及国家秘密，可以公开');
  await legal.getByRole('button', { name: '确认通过' }).click();
  await legal.getByRole('dialog').waitFor({ state: 'hidden' });
  await legal.getByText('审查日期').first().waitFor();
  await staff.reload();
}

const ITEM = '示范市科技企业研发投入后补助办法';

test('a major decision from the catalogue to publication', { timeout: 420_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2025-03-03T02:00:00.000Z');
  const base = server.url;
  const setDay = server.setDay;
  const actor = async (username: string): Promise<Actor> => {
    const [u] = await server.ctx.db.select().from(users).where(eq(users.username, username));
    return {
      userId: u.id,
      username,
      displayName: u.displayName,
      orgId: u.orgId,
      orgName: '',
      departmentId: u.departmentId,
      roles: u.roles as Role[],
      mustChangePassword: false,
    };
  };
  try {
    await server.createUser({ username: 'e2e_ds', password: PW, roles: ['staff'] });
    await server.createUser({
      username: 'e2e_dl',
      password: PW,
      roles: ['legalOfficer'],
      orgName: '政策法规科',
    });
    await server.createUser({
      username: 'e2e_dlead',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    });
    await server.createUser({
      username: 'e2e_da',
      password: PW,
      roles: ['legalAdvisor'],
      orgName: '政策法规科',
    });
    await createAdvisor(server.ctx, await actor('e2e_dl'), {
      kind: 'external',
      name: '王律师',
      affiliation: '安徽示范律师事务所',
      licenceNumber: '13416201510999001',
      termStart: '2025-01-01',
      termEnd: '2025-12-31',
      userId: (await actor('e2e_da')).userId,
    });

    // 目录: an item added during the year, the adjustment published (条例第三条).
    const staff = await workbenchAt(browser, base, 'e2e_ds', PW, `${base}/app/decisions/catalogue`);
    await submitDialog(staff, '调整目录', async (d) => {
      await d.getByLabel('调整理由').fill('根据市政府年度重点工作增加事项');
      await d.getByLabel('同意日期').fill('2025-03-03');
      await d.getByLabel('同意日期').press('Enter');
      await d.getByLabel('同意机关').fill('中共示范市委');
      await d.getByLabel('增加事项名称').fill(ITEM);
      await d.getByLabel('增加事项承办单位').fill('高新技术科');
    });
    // Issue 13 item 11: the adjustment is reviewed for secrets (条例第十七条) before it is published.
    const legal = await workbenchLogin(browser, base, 'e2e_dl', PW);
    await secrecyReview(staff, legal, `${base}/app/decisions/catalogue`);
    await staff.getByRole('button', { name: '公布目录调整' }).click();
    await staff.getByRole('cell', { name: ITEM }).waitFor();
    await assertNoSeriousA11yViolations(staff, 'catalogue');

    // 决策启动 from the catalogue item.
    await staff.goto(`${base}/app/decisions/new`);
    await staff.getByLabel('决策事项名称').fill(ITEM);
    await staff.getByLabel('年度决策事项目录').selectOption({ label: `2025年：${ITEM}` });
    await staff.getByLabel('建议提出方').fill('高新技术科');
    await staff.getByLabel('决策承办单位（牵头）').fill('高新技术科');
    await staff.getByLabel('拟解决的主要问题').fill('企业研发投入积极性有待提高');
    await staff.getByLabel('建议理由和依据').fill('《中华人民共和国科学技术进步法》第九十一条');
    await staff.getByLabel('解决问题的初步方案').fill('按企业研发投入增量给予后补助');
    await staff.getByLabel('必要性、可行性').fill('财政资金已落实，具备实施条件');
    await staff.getByLabel('决定启动的领导或会议').fill('2025年第2次局长办公会');
    await assertNoSeriousA11yViolations(staff, 'start form');
    await staff.getByRole('button', { name: '启动决策' }).click();
    await staff.getByRole('heading', { name: ITEM }).waitFor();
    const decisionUrl = staff.url();
    await staff.getByText('当前环节').first().waitFor();

    await submitDialog(staff, '拟订决策草案', async (d) => {
      await d
        .getByLabel('决策草案')
        .fill(`${ITEM}（征求意见稿）\n一、补助对象\n二、补助标准\n三、申报程序`);
      await d
        .getByLabel('有关法律、法规、规章和政策梳理情况')
        .fill('科学技术进步法、本市科技计划管理办法');
    });
    await submitDialog(staff, '向社会公开征求意见', async (d) => {
      await d.getByLabel('截止日期').fill('2025-04-02');
      await d.getByLabel('截止日期').press('Enter');
    });
    await staff.getByText('征求意见期限：2025-03-03 至 2025-04-02').waitFor();
    await assertNoSeriousA11yViolations(staff, 'decision page');
    // Issue 13 item 9: while the public comments, 公众参与 is in progress until the period's end — not 已完成.
    const stepsCard = staff
      .locator('.ant-card')
      .filter({ has: staff.getByRole('heading', { name: '环节与期限' }) });
    const participationRow = stepsCard.getByRole('row').filter({ hasText: '公众参与' });
    assert.equal(await participationRow.count(), 1);
    assert.match((await participationRow.textContent()) ?? '', /办理中.*2025-04-02/);
    // Issue 13 item 16: the table stays inside its card, and no date wraps inside its column.
    const fits = await stepsCard.evaluate((card) => {
      const box = card.getBoundingClientRect();
      const table = card.querySelector('.ant-table')!.getBoundingClientRect();
      const cells = [...card.querySelectorAll('td')].filter((td) =>
        /^\d{4}-\d{2}-\d{2}/.test(td.textContent ?? ''),
      );
      const wrapped = cells.filter((td) => {
        const span = td.querySelector('span') ?? td;
        const r = span.getClientRects();
        return (
          r.length > 1 ||
          span.getBoundingClientRect().height >
            2 * parseFloat(getComputedStyle(span).lineHeight || '22')
        );
      });
      return {
        inside: table.right <= box.right + 1 && table.left >= box.left - 1,
        dates: cells.length,
        wrapped: wrapped.length,
      };
    });
    assert.ok(fits.inside, 'the steps table does not overflow its card');
    assert.ok(fits.dates > 0);
    assert.equal(fits.wrapped, 0, 'dates do not wrap');

    // A citizen comments on the portal (no JavaScript needed).
    const portal = await (await newAxeContext(browser)).newPage();
    await portal.goto(`${base}/zdjc`);
    await portal.getByRole('link', { name: `${ITEM}（征求意见稿）` }).click();
    await portal.getByLabel('意见建议（必填）').fill('建议对首次申报的企业提高补助比例。');
    await portal.getByLabel('姓名或单位名称（可选）').fill('某科技公司');
    await portal.getByRole('button', { name: '提交意见' }).click();
    await portal.getByRole('heading', { name: '意见已提交' }).waitFor();
    await assertNoSeriousA11yViolations(portal, 'portal comment page');

    await setDay('2025-04-03');
    await staff.goto(decisionUrl);
    await staff.getByRole('button', { name: '结束征求意见' }).click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    // The page has the period closed before the next step's state is read.
    await staff.getByText('已于2025-04-03结束').waitFor();
    // Issue 13 item 16: before the feedback is published the summary is offered disabled, with the engine's reason.
    assert.equal(
      await staff.getByRole('button', { name: '公众意见研究采纳情况' }).isDisabled(),
      true,
    );
    await staff
      .getByText(/公众意见研究采纳情况：请先逐条处理公开征求意见收到的意见并公布意见采纳情况/)
      .waitFor();
    await submitDialog(staff, '处理第1条意见', async (d) => {
      await d.getByLabel('处理意见').selectOption({ label: '采纳' });
    });
    await staff.getByRole('button', { name: '公布意见采纳情况' }).click();
    await staff.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await staff.getByText('意见采纳情况已于2025-04-03公布').waitFor();
    await submitDialog(staff, '公众意见研究采纳情况', async (d) => {
      await d
        .getByLabel('社会公众主要意见的研究采纳情况')
        .fill('采纳提高首次申报企业补助比例的意见。');
    });
    await submitDialog(staff, '送请合法性审查', async (d) => {
      await d.getByLabel('送审材料说明').fill('决策草案、依据及履行公众参与程序的说明');
      await d.getByLabel('要求审查完成日期').fill('2025-04-15');
      await d.getByLabel('要求审查完成日期').press('Enter');
    });

    // The legal office assigns the 法律顾问, who gives an opinion; the office concludes in the queue.
    await legal.goto(decisionUrl);
    await legal.getByRole('link', { name: '第1次送审' }).click();
    await submitDialog(legal, '分派审查人员', async (d) => {
      await d.getByLabel('王律师（法律顾问）').check();
    });
    const advisor = await workbenchAt(browser, base, 'e2e_da', PW, `${base}/app/reviews`);
    await advisor.getByRole('link', { name: ITEM }).click();
    await submitDialog(advisor, '提出法审意见', async (d) => {
      await d.getByLabel('意见内容').fill('补助标准应当明确资金来源和绩效评价要求。');
    });
    assert.equal(
      (await advisor.request.get(`${decisionUrl.replace('/app/', '/api/')}`)).status(),
      404,
      'an advisor does not see the decision itself',
    );
    await legal.reload();
    await submitDialog(legal, '出具审查意见', async (d) => {
      await d.getByLabel('审查结论').selectOption({ label: '合法' });
      await d.getByLabel('审查意见').fill('决策草案符合法定权限和程序，内容合法。');
    });
    await legal.getByText('已出具审查意见：合法').waitFor();

    // 局长办公会: the decision goes on the agenda with its materials; the meeting is recorded.
    await staff.goto(`${base}/app/meetings`);
    await submitDialog(staff, '安排会议', async (d) => {
      await d.getByLabel('会议日期').fill('2025-04-18');
      await d.getByLabel('会议日期').press('Enter');
    });
    await staff.getByRole('heading', { name: /2025年第\d+次局长办公会/ }).waitFor();
    const meetingUrl = staff.url();
    const meetingName = (await staff.getByRole('heading', { level: 1 }).textContent())!.trim();
    await staff.goto(decisionUrl);
    await submitDialog(staff, '提请集体讨论', async (d) => {
      await d
        .getByLabel('会议', { exact: true })
        .selectOption({ label: `${meetingName}（2025-04-18）` });
      await d.getByLabel('议题是否向社会公开').selectOption({ label: '是' });
    });
    await staff.getByRole('link', { name: meetingName }).waitFor();
    await setDay('2025-04-18');
    await staff.goto(meetingUrl);
    await submitDialog(staff, '登记会议记录', async (d) => {
      await d.getByLabel('出席人员').fill('局长、副局长、各科室负责人');
      await d.getByLabel('列席的公众代表').fill('赵某，企业代表');
      await d.getByLabel('会议纪要').fill('会议研究了研发投入后补助办法，同意实施。');
    });
    await staff.getByText('赵某（企业代表）').waitFor();
    await assertNoSeriousA11yViolations(staff, 'meeting page');

    const leader = await workbenchAt(browser, base, 'e2e_dlead', PW, decisionUrl);
    await submitDialog(leader, '集体讨论决定', async (d) => {
      await d
        .getByLabel('会议', { exact: true })
        .selectOption({ label: `${meetingName}（2025-04-18）` });
      await d.getByLabel('会议组成人员发表意见情况').fill('与会人员一致同意');
      await d.getByLabel('行政首长意见（最后发表）').fill('同意实施');
      await d.getByLabel('不同意见').fill('无');
      await d.getByLabel('决定', { exact: true }).selectOption({ label: '审议通过' });
      await d.getByLabel('决策执行单位').fill('高新技术科');
    });
    await leader.getByText('已决定待公布').first().waitFor();

    await staff.goto(decisionUrl);
    // Issue 13 item 11: 公布决策 waits for the 保密审查 (条例第十七条), the gate's reason shown; the drafter
    // names the legal office's officer, who passes it in their own session.
    await staff.getByText('公布决策：须经保密审查通过后方可公开').waitFor();
    await secrecyReview(staff, legal, decisionUrl);
    // Issue 13 item 8: 公布决策 asks for the adopted text; the draft still marked 征求意见稿 is refused.
    await staff.getByRole('button', { name: '公布决策', exact: true }).click();
    const publish = staff.getByRole('dialog');
    assert.match(
      await publish.getByLabel('决策文本（通过稿）').inputValue(),
      /（征求意见稿）/,
      'prefilled with the latest draft to confirm',
    );
    await publish
      .getByLabel('公众意见、专家论证意见的采纳情况说明')
      .fill('采纳了提高首次申报企业补助比例的意见。');
    await publish
      .getByLabel('解读', { exact: true })
      .fill('本办法对科技企业研发投入增量给予后补助，首次申报的企业补助比例提高。');
    await publish.getByRole('button', { name: '确认' }).click();
    await publish
      .getByText(/不能是征求意见稿/)
      .first()
      .waitFor();
    await publish
      .getByLabel('决策文本（通过稿）')
      .fill(`${ITEM}\n一、补助对象\n二、补助标准（首次申报的企业提高补助比例）\n三、申报程序`);
    await publish.getByRole('button', { name: '确认' }).click();
    await publish.waitFor({ state: 'hidden' });
    await staff.getByText('执行中').first().waitFor();

    // On the portal: the decision with its 解读; the public agenda topic once published.
    await portal.goto(`${base}/zdjc`);
    await portal.getByRole('link', { name: ITEM }).click();
    await portal.getByRole('heading', { name: '政策解读' }).waitFor();
    const body = (await portal.locator('.publication-body').textContent()) ?? '';
    assert.match(body, /首次申报的企业提高补助比例/, 'the adopted text');
    assert.doesNotMatch(body, /征求意见稿/);
    await assertNoSeriousA11yViolations(portal, 'portal decision page');

    // The archive: one view, one export.
    await staff.getByRole('button', { name: '决策档案' }).click();
    await staff.getByText('每项办理记录和材料均有对应的审计事件').waitFor();
    await assertNoSeriousA11yViolations(staff, 'archive page');
    const zip = await staff.request.get(decisionUrl.replace('/app/', '/api/') + '/archive.zip');
    assert.equal(zip.status(), 200);
    assert.equal(zip.headers()['content-type'], 'application/zip');
  } finally {
    await browser.close();
    await server.close();
  }
});
