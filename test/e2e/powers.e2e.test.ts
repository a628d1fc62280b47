// 权责清单 in a real browser: import the list from an Excel file in the provincial template, adjust
// an item with its basis and date, and see it on the portal with its history. Screens axe-clean.
import { test } from 'node:test';
import {
  assertNoSeriousA11yViolations,
  launchBrowser,
  newAxeContext,
  workbenchAt,
  workbenchLogin,
} from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { powersToXlsx } from '../../src/modules/powers/excel.ts';
import { DEMO_POWERS } from '../../src/modules/powers/demo.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';

test(
  'import a 权责清单, adjust an item, see it on the portal with its history',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    const base = server.url;
    try {
      await server.createUser({ username: 'e2e_ps', password: PW, roles: ['staff'] });
      const staff = await workbenchAt(browser, base, 'e2e_ps', PW, `${base}/app/powers`);
      await staff.getByRole('heading', { name: '导入权责清单' }).waitFor();
      const file = await powersToXlsx(
        '示范市科学技术局权责清单',
        DEMO_POWERS.map((p) => ({ ...p, status: 'valid' })),
      );
      const importForm = staff.getByRole('form', { name: '导入权责清单' });
      await importForm.locator('input[type=file]').setInputFiles({
        name: '权责清单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      await importForm
        .getByLabel('调整依据')
        .fill('示范市人民政府办公室关于公布市级部门权责清单的通知');
      await importForm.getByLabel('调整日期').fill('2025-01-10');
      await importForm.getByRole('button', { name: '导入' }).click();
      await staff.getByRole('cell', { name: '外国人来华工作许可' }).waitFor();
      await staff.getByRole('heading', { name: '事项（5项）' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'powers list');

      const row = staff.getByRole('row', { name: /外国人来华工作许可/ });
      await row.getByRole('button', { name: '调整' }).click();
      const adjust = staff.getByRole('form', { name: '调整“外国人来华工作许可”' });
      await adjust.getByLabel('调整方式').selectOption({ label: '修改办理时限' });
      await adjust.getByLabel('新内容').fill('5个工作日');
      await adjust.getByLabel('调整依据').fill('优化营商环境，压缩审批时限');
      await adjust.getByLabel('调整日期').fill('2025-02-18');
      await assertNoSeriousA11yViolations(staff, 'adjust form');
      await adjust.getByRole('button', { name: '保存调整' }).click();
      await staff.getByRole('row', { name: /外国人来华工作许可.*已调整/ }).waitFor();

      const portal = await (await newAxeContext(browser)).newPage();
      await portal.goto(`${base}/qzqd`);
      await portal.getByRole('heading', { name: '行政许可（1项）' }).waitFor();
      await portal.getByText('优化营商环境，压缩审批时限').waitFor();
      await assertNoSeriousA11yViolations(portal, 'portal list');
      await portal.getByRole('link', { name: '外国人来华工作许可' }).click();
      await portal.getByRole('heading', { name: '调整记录' }).waitFor();
      await portal.getByText('办理时限：由“10个工作日”调整为“5个工作日”').waitFor();
      await assertNoSeriousA11yViolations(portal, 'portal item');

      // The 学法普法 page: record an exam; the rates are computed, not typed.
      await staff.goto(`${base}/app/study?year=2025`);
      const exam = staff.getByRole('form', { name: '登记考试' });
      await exam.getByLabel('考试日期').fill('2025-02-20');
      await exam.getByLabel('考试名称').fill('行政执法人员法律知识考试');
      await exam.getByLabel(/成绩/).fill('张伟 92\n李静 88\n刘洋 105');
      await exam.getByRole('button', { name: '登记考试' }).click();
      await staff
        .getByRole('alert')
        .filter({ hasText: '考试成绩超过满分100分：刘洋（105分）' })
        .waitFor();
      await exam.getByLabel(/成绩/).fill('张伟 92\n李静 88\n刘洋');
      await exam.getByRole('button', { name: '登记考试' }).click();
      await staff.getByRole('cell', { name: '66.7%' }).waitFor();
      await assertNoSeriousA11yViolations(staff, 'study page');
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
