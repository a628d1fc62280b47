// 行政处罚 in a real browser: an 执法人员 opens a case with two certified officers, serves the 事先告知,
// the head decides after the 陈述申辩 window, the decision is published, and the portal shows it with the
// party's name masked. The screens are axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  submitDialog,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { newId } from '../../src/core/clock.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';

test('a penalty case from 立案 to publication on the portal', { timeout: 300_000 }, async (t) => {
  const browser = await launchBrowser(t);
  if (!browser) return;
  const server = await startTestServer('2025-03-03T02:00:00.000Z');
  const base = server.url;
  try {
    const db = server.ctx.db;
    await db.execute(sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at)
      select ${newId()}::uuid, id, '赵执法', 'ZF001', '2024-01-01', '2027-12-31', 'active', now(), now() from organisations where name = '示范市科学技术局'`);
    await db.execute(sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at)
      select ${newId()}::uuid, id, '钱执法', 'ZF002', '2024-01-01', '2027-12-31', 'active', now(), now() from organisations where name = '示范市科学技术局'`);
    await server.createUser({ username: 'e2e_po', password: PW, roles: ['officer'] });
    await server.createUser({
      username: 'e2e_pl',
      password: PW,
      roles: ['leader'],
      orgName: '示范市科学技术局',
    });

    const officer = await workbenchAt(browser, base, 'e2e_po', PW, `${base}/app/penalties`);
    await officer.getByRole('heading', { name: '行政处罚' }).waitFor();
    await assertNoSeriousA11yViolations(officer, 'penalty list');
    await submitDialog(officer, '立案', async (d) => {
      await d.getByLabel('当事人类型').selectOption({ label: '自然人' });
      await d.getByLabel('当事人', { exact: true }).fill('张三');
      await d.getByLabel('案情摘要').fill('未经备案擅自开展实验动物生产活动');
      for (const [label, date] of [
        ['违法行为发生（终了）日期', '2025-02-10'],
        ['发现日期', '2025-03-03'],
      ]) {
        await d.getByLabel(label).fill(date);
        await d.getByLabel(label).press('Enter');
      }
      await d.getByLabel('立案审批人').fill('王局长');
      await d.getByLabel('执法人员一').selectOption({ label: '赵执法（ZF001）' });
      await d.getByLabel('执法人员二').selectOption({ label: '钱执法（ZF002）' });
      await assertNoSeriousA11yViolations(officer, 'open dialog');
    });
    await officer.getByRole('heading', { name: '张三违法案' }).waitFor();
    const caseUrl = officer.url();
    await submitDialog(officer, '行政处罚事先告知', async (d) => {
      await d.getByLabel('处罚种类').selectOption({ label: '罚款' });
      await d.getByLabel('罚款金额（元）').fill('5000');
      await d.getByLabel('违法事实').fill('擅自开展实验动物生产活动');
      await d.getByLabel('理由').fill('违反实验动物生产备案规定');
      await d.getByLabel('依据').fill('《实验动物管理条例》第二十九条');
    });
    await officer.getByText('已告知').first().waitFor();
    await assertNoSeriousA11yViolations(officer, 'case page');
    // 全过程记录: a 3 MB video is streamed in and attached to the 告知 with its hash.
    await submitDialog(officer, '附入材料', async (d) => {
      await d.getByLabel('材料类型').selectOption({ label: '录像' });
      await d.locator('input[type=file]').setInputFiles({
        name: '告知现场录像.mp4',
        mimeType: 'video/mp4',
        buffer: Buffer.alloc(3 * 1024 * 1024, 7),
      });
      await d.getByText('告知现场录像.mp4').waitFor();
      await d.locator('.ant-upload-list-item-done').waitFor();
    });
    await officer.getByRole('link', { name: '告知现场录像.mp4' }).waitFor();
    await officer.getByRole('cell', { name: '录像', exact: true }).waitFor();

    // After the 陈述申辩 window (5 工作日 from 3月3日 → 3月10日), the head decides.
    await server.setDay('2025-03-11');
    const leader = await workbenchAt(browser, base, 'e2e_pl', PW, caseUrl);
    await submitDialog(leader, '作出行政处罚决定', async (d) => {
      await d.getByLabel('罚款金额（元）').fill('5000');
      await d.getByLabel('违法事实和证据').fill('经查，当事人擅自开展实验动物生产活动，事实清楚');
      await d.getByLabel('处罚依据').fill('《实验动物管理条例》第二十九条');
    });
    await leader.getByText('科规罚决〔2025〕1号').first().waitFor();
    await submitDialog(leader, '公开行政处罚决定');
    await leader.getByText('已公开（2025-03-11）').waitFor();

    const portal = await (await newAxeContext(browser)).newPage();
    await portal.goto(`${base}/xzcf`);
    await portal.getByRole('link', { name: '科规罚决〔2025〕1号' }).waitFor();
    assert.ok((await portal.content()).includes('张某'));
    assert.ok(
      !(await portal.content()).includes('张三'),
      "a natural person's name is masked on the portal",
    );
    await assertNoSeriousA11yViolations(portal, 'portal list');
    await portal.getByRole('link', { name: '科规罚决〔2025〕1号' }).click();
    await portal.getByRole('heading', { name: '行政处罚决定' }).waitFor();
    await assertNoSeriousA11yViolations(portal, 'portal decision');
  } finally {
    await server.close();
  }
});
