// The 政策解读 is a document of its own (issue 13 item 18): a published document's page offers it as
// its own download next to the 文件, and neither .docx carries the other's text. The page stays axe-clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { assertNoSeriousA11yViolations, launchBrowser, workbenchAt } from './browser.ts';
import { startTestServer } from '../../src/server/testing.ts';
import { queryRows } from '../../src/core/db/client.ts';
import { seedDemoDocumentHistory } from '../../src/modules/documents/demoHistory.ts';

const PW = 'Fazhi-e2e-Passw0rd!2025';

test(
  'a published document: 导出公文 and 导出政策解读 are two documents',
  { timeout: 300_000 },
  async (t) => {
    const browser = await launchBrowser(t);
    if (!browser) return;
    const server = await startTestServer('2025-03-03T02:00:00.000Z');
    try {
      const [u] = await queryRows<{ id: string; org_id: string; department_id: string }>(
        server.ctx.db,
        sql`select id, org_id, department_id from users where username = 'staff'`,
      );
      await seedDemoDocumentHistory(server.ctx, {
        userId: u.id,
        username: 'staff',
        displayName: '王晓明',
        orgId: u.org_id,
        orgName: '高新技术科',
        departmentId: u.department_id,
        roles: ['staff'],
        mustChangePassword: false,
      });
      const [doc] = await queryRows<{ id: string; title: string; interpretation: string }>(
        server.ctx.db,
        sql`select id, title, interpretation from normative_documents where title = '示范市科技创新券管理办法'`,
      );
      await server.createUser({ username: 'e2e_exp', password: PW, roles: ['staff'] });
      const page = await workbenchAt(
        browser,
        server.url,
        'e2e_exp',
        PW,
        `${server.url}/app/documents/${doc.id}`,
      );
      await page.getByRole('heading', { name: doc.title }).waitFor({ timeout: 90_000 });
      const text = async (name: string) => {
        const href = await page.getByRole('link', { name }).getAttribute('href');
        const res = await page.request.get(`${server.url}${href}`);
        assert.equal(res.status(), 200, name);
        const xml = await (
          await JSZip.loadAsync(await res.body())
        )
          .file('word/document.xml')!
          .async('string');
        return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      };
      const file = await text('导出公文（.docx）');
      const interpretation = await text('导出政策解读（.docx）');
      const excerpt = doc.interpretation.slice(0, 16);
      assert.ok(
        interpretation.includes(excerpt) && interpretation.includes(`《${doc.title}》政策解读`),
      );
      assert.ok(!file.includes(excerpt) && !file.includes('政策解读'), 'the 文件 holds no 解读');
      assert.ok(
        file.includes('示范市科学技术局') && /\d{4}年\d{1,2}月\d{1,2}日/.test(file),
        'signed and dated',
      );
      await assertNoSeriousA11yViolations(page, 'published document page');
    } finally {
      await server.close();
    }
  },
);
