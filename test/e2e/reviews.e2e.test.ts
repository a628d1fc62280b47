// 合法性审查 in a real browser: a 科室 submits a contract with its materials, the legal office
// registers an advisor (and lengthens a contract's default review period) and assigns the matter,
// the advisor (who sees only that matter) writes an opinion, the 科室 marks it adopted, the legal
// office concludes. The screens are axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const TITLE = '与示范大学共建新型研发机构合作协议（送审稿）';

test('a contract through the legality review queue', { timeout: 300_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2025-03-03T02:00:00.000Z');
  const base = server.url;
  try {
    await server.createUser({ username: 'e2e_rs', password: PW, roles: ['staff'] });
    await server.createUser({
      username: 'e2e_rl',
      password: PW,
      roles: ['legalOfficer'],
      orgName: '政策法规科',
    });
    await server.createUser({
      username: 'e2e_ra',
      password: PW,
      roles: ['legalAdvisor'],
      orgName: '政策法规科',
    });

    const staff = await workbenchAt(browser, base, 'e2e_rs', PW, `${base}/app/reviews/new`);
    await staff.getByLabel('事项类型').selectOption({ label: '合同协议' });
    await staff.getByLabel('事项名称').fill(TITLE);
    await staff.getByLabel('送审说明').fill('请重点审查知识产权归属和违约责任条款。');
    await staff.locator('input[type=file]').setInputFiles({
      name: '合作协议.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('协议正文'),
    });
    await staff.getByText('合作协议.docx').waitFor();
    await assertNoSeriousA11yViolations(staff, 'submit form');
    await staff.getByRole('button', { name: '提交审查' }).click();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await staff.getByRole('link', { name: '合作协议.docx' }).waitFor();
    const matterUrl = staff.url();

    const legal = await workbenchAt(browser, base, 'e2e_rl', PW, `${base}/app/reviews/advisors`);
    await submitDialog(legal, '新增法律顾问', async (d) => {
      await d.getByLabel('类别').selectOption({ label: '法律顾问' });
      await d.getByLabel('姓名').fill('张律师');
      await d.getByLabel('律师事务所或单位职务').fill('安徽示范律师事务所');
      await d.getByLabel('执业证号').fill('13416201510777001');
      for (const [label, date] of [
        ['聘任起始日期', '2025-01-01'],
        ['聘任截止日期', '2025-12-31'],
      ]) {
        await d.getByLabel(label).fill(date);
        await d.getByLabel(label).press('Enter');
      }
      await d.getByLabel('登录账号').selectOption({ label: 'e2e_ra（e2e_ra）' });
    });
    await legal.getByRole('cell', { name: '张律师', exact: true }).waitFor();
    await assertNoSeriousA11yViolations(legal, 'advisor registry');
    // The time limits, a column a field the server declares: a contract's default period lengthened.
    await legal.getByLabel('合同协议默认期限（工作日）').fill('6');
    await legal.getByRole('button', { name: '保存设置' }).click();
    await legal.getByText('审查期限设置已保存').waitFor();
    const limits = await (await legal.request.get(`${base}/api/reviews/settings`)).json();
    assert.equal(limits.contract.defaultWorkdays, 6);

    // The queue: filtered by type, with the due date and its explanation.
    await legal.goto(`${base}/app/reviews`);
    await legal.getByLabel('事项类型').selectOption({ label: '合同协议' });
    await legal.getByRole('link', { name: TITLE }).waitFor();
    // 5 working days for a contract (the filtered list renders after the query returns).
    await legal.getByText('2025-03-10').first().waitFor({ timeout: 15_000 });
    await assertNoSeriousA11yViolations(legal, 'review queue');
    await legal.getByRole('link', { name: TITLE }).click();
    await submitDialog(legal, '分派审查人员', async (d) => {
      await d.getByLabel('张律师（法律顾问）').check();
    });
    await legal.getByText('审查中').first().waitFor();

    // The advisor sees this matter and nothing else of the department.
    // Their 我的待办 lists the assigned matter with its due date (issue 13 item 12).
    const advisor = await workbenchLogin(browser, base, 'e2e_ra', PW);
    await advisor.getByRole('link', { name: TITLE }).first().waitFor();
    await advisor.goto(`${base}/app/reviews`);
    await advisor.getByRole('link', { name: TITLE }).waitFor();
    assert.equal(await advisor.locator('tbody tr.ant-table-row').count(), 1);
    await advisor.getByRole('link', { name: TITLE }).click();
    await submitDialog(advisor, '提出法审意见', async (d) => {
      await d
        .getByLabel('意见内容')
        .fill('第五条知识产权归属约定不明，建议明确财政资金形成成果的归属。');
    });
    await advisor.getByRole('cell', { name: '第1条' }).waitFor();
    await assertNoSeriousA11yViolations(advisor, 'matter page (advisor)');

    await staff.goto(matterUrl);
    await submitDialog(staff, '反馈第1条采纳情况', async (d) => {
      await d.getByLabel('采纳情况').selectOption({ label: '采纳' });
    });
    await staff.getByRole('cell', { name: '采纳', exact: true }).waitFor();

    await legal.reload();
    await submitDialog(legal, '出具审查意见', async (d) => {
      await d.getByLabel('审查结论').selectOption({ label: '修改后合法' });
      await d.getByLabel('审查意见').fill('按第1条意见修改后合法。');
    });
    await legal.getByText('已出具审查意见：修改后合法').waitFor();
    await assertNoSeriousA11yViolations(legal, 'matter page (concluded)');
  } finally {
    await browser.close();
    await server.close();
  }
});
