// 诉求办理 in a real browser: a 信访 registered, the written acceptance notice, classification and the
// 信访处理意见书 (.docx offered); a 人大代表建议 assigned, the deputy contacted, answered with its result
// code and the 复文 published on the portal. The screens and the portal page are axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';
const PROPOSAL = '关于完善科技特派员制度的建议';

test(
  'a 信访 to its 处理意见书 and a proposal reply published on the portal',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_ps', password: PW, roles: ['staff'] });
      const staff = await workbenchAt(browser, base, 'e2e_ps', PW, `${base}/app/petitions`);
      await staff.getByRole('heading', { name: '信访事项' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'petitions list');
      await submitDialog(staff, '登记信访事项', async (d) => {
        await d.getByLabel('信访渠道').selectOption({ label: '来访' });
        await d.getByLabel('收到日期').fill('2025-02-24');
        await d.getByLabel('收到日期').press('Enter');
        await d.getByLabel('信访人姓名').fill('钱七');
        await d.getByLabel('联系电话').fill('13811112222');
        await d.getByLabel('信访内容').fill('请求解释高新技术企业认定中研发费用归集口径。');
      });
      await staff.getByRole('heading', { name: /^信访事项信〔2025〕\d+号$/ }).waitFor();
      await staff.getByText('书面告知信访人受理情况').waitFor();
      await staff.getByText('2025-03-11').first().waitFor();
      await assertNoSeriousA11yViolations(staff, 'petition page');
      await submitDialog(staff, '书面告知受理', async (d) => {
        await d
          .getByLabel('告知内容')
          .fill('你的信访事项已收悉，本机关依法受理，将在60日内书面答复。');
      });
      await staff.getByText('出具信访处理意见书').first().waitFor();
      await submitDialog(staff, '确定信访事项类别', async (d) => {
        await d.getByLabel('信访事项类别').selectOption({ label: '建议意见类' });
      });
      await submitDialog(staff, '出具信访处理意见书', async (d) => {
        await d.getByLabel('处理意见', { exact: true }).selectOption({ label: '解释说明' });
        await d.getByLabel('事实和理由').fill('经核实，研发费用归集口径已在认定工作指引中公布。');
        await d.getByLabel('处理意见书内容').fill('现就归集口径解释如下。');
        await d.getByLabel('法律依据').fill('《信访工作条例》第三十二条');
      });
      const docx = staff.getByRole('link', { name: '下载信访处理意见书' });
      await docx.waitFor();
      const href = await docx.getAttribute('href');
      const res = await staff.request.get(`${base}${href}`);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-type'], /wordprocessingml/);
      await assertNoSeriousA11yViolations(staff, 'petition answered');

      await staff.goto(`${base}/app/proposals`);
      await staff.getByRole('heading', { name: '建议提案办理' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'proposals list');
      await submitDialog(staff, '登记交办', async (d) => {
        await d.getByLabel('建议提案编号').fill('2025066');
        await d.getByLabel('标题', { exact: true }).fill(PROPOSAL);
        await d.getByLabel('代表委员', { exact: true }).fill('吴代表');
        await d.getByLabel('代表委员联系方式').fill('13799990000');
        await d.getByLabel('主办单位').selectOption({ label: '高新技术科' });
      });
      await staff.getByRole('heading', { name: PROPOSAL }).waitFor();
      await staff.getByText('2025-06-03').first().waitFor();
      await submitDialog(staff, '记录联系沟通', async (d) => {
        await d.getByLabel('沟通情况').fill('与吴代表当面沟通办理方案。');
      });
      await submitDialog(staff, '答复', async (d) => {
        await d.getByLabel('办理结果类别').selectOption({ label: 'A类（已经解决或基本解决）' });
        await d
          .getByLabel('答复内容')
          .fill('吴代表：\n您提出的建议收悉。我局已出台科技特派员管理办法，感谢您的支持。');
      });
      await submitDialog(staff, '公开复文');
      await staff.getByRole('link', { name: '已于2025-03-03公开' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'proposal page');

      const portal = await (await newAxeContext(browser)).newPage();
      await portal.goto(`${base}/jyta`);
      await portal.getByRole('link', { name: new RegExp(PROPOSAL) }).click();
      await portal.getByText('我局已出台科技特派员管理办法').waitFor();
      assert.doesNotMatch(await portal.content(), /13799990000/);
      await assertNoSeriousA11yViolations(portal, 'portal reply');
    } finally {
      await server.close();
    }
  },
);
