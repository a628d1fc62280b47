// The 公文 exports of a published 规范性文件 (issue 13 item 18): unzip the .docx and read its XML. The
// 文件 and the 意见采纳情况说明 end with the 发文机关署名 and the 成文日期 (GB/T 9704-2012 §7.3.5); the
// 政策解读 is its own document, not part of the 文件.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { buildApp } from '../../server/app.ts';
import { addUser, createDemoContext, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { seedDemoDocumentHistory } from './demoHistory.ts';

let t: Awaited<ReturnType<typeof createDemoContext>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let headers: Record<string, string>;
let doc: { id: string; title: string; published_on: string; interpretation: string };

before(async () => {
  t = await createDemoContext(); // 2025-03-03
  const [u] = await queryRows<{ id: string; org_id: string; department_id: string }>(
    t.ctx.db,
    sql`select id, org_id, department_id from users where username = 'staff'`,
  );
  const staff: Actor = {
    userId: u.id,
    username: 'staff',
    displayName: '王晓明',
    orgId: u.org_id,
    orgName: '高新技术科',
    departmentId: u.department_id,
    roles: ['staff'],
    mustChangePassword: false,
  };
  await seedDemoDocumentHistory(t.ctx, staff);
  app = await buildApp({ ctx: t.ctx });
  await addUser(t.ctx, { username: 'docx-reader', password: 'Docx-reader-2025', roles: ['staff'] });
  headers = (await signIn(app, 'docx-reader', 'Docx-reader-2025')).headers;
  [doc] = await queryRows(
    t.ctx.db,
    sql`select id, title, published_on::text, interpretation from normative_documents where title = '示范市科技创新券管理办法'`,
  );
});
after(async () => {
  await app.close();
  await t.close();
});

/** The paragraphs of document.xml: text, alignment and right indent. */
async function paragraphs(
  url: string,
): Promise<Array<{ text: string; align: string; right: number }>> {
  const res = await app.inject({ url, headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
  assert.match(String(res.headers['content-type']), /wordprocessingml/);
  const xml = await (
    await JSZip.loadAsync(res.rawPayload)
  )
    .file('word/document.xml')!
    .async('string');
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p\/>/gs) ?? []).map((p) => ({
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    align: /<w:jc w:val="(\w+)"/.exec(p)?.[1] ?? '',
    right: Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)?.[1] ?? 0),
  }));
}

const cn = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The last two non-empty paragraphs are the signature: department, then the date, both right-aligned, the date starting two characters further right. */
function assertSigned(ps: Array<{ text: string; align: string; right: number }>, date: string) {
  const filled = ps.filter((p) => p.text);
  const [name, on] = filled.slice(-2);
  assert.equal(name.text, '示范市科学技术局');
  assert.equal(on.text, date);
  assert.match(
    on.text,
    /^\d{4}年[1-9]\d?月[1-9]\d?日$/,
    'Arabic numerals, no leading zeros (§7.3.5.4)',
  );
  assert.deepEqual([name.align, on.align], ['right', 'right']);
  // §7.3.5.2: the authority 2 characters from the right margin, the date's first character 2 characters
  // right of the authority's; when the date is the longer (digits are half a character), the date keeps
  // 2 characters from the margin and the authority moves right.
  const pitch = 316; // one character of the 3号 grid, in twips (±1)
  const startOf = (p: { text: string; right: number }) =>
    p.right / pitch + [...p.text].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);
  assert.ok(
    Math.abs(startOf(name) - startOf(on) - 2) < 0.05,
    `date starts 2 characters right of the authority (${startOf(name)} vs ${startOf(on)})`,
  );
  assert.ok(
    Math.min(name.right, on.right) / pitch >= 1.99 && Math.min(name.right, on.right) / pitch < 2.05,
    'the longer line keeps 2 characters from the right margin',
  );
  const empty = ps.indexOf(name) - 1;
  assert.equal(ps[empty].text, '', 'one empty line between the text and the signature');
}

test('the 文件 ends with the issuing department and its 成文日期, and holds no 政策解读', async () => {
  const ps = await paragraphs(`/api/documents/${doc.id}/document.docx`);
  assertSigned(ps, cn(doc.published_on));
  const text = ps.map((p) => p.text).join('\n');
  assert.match(text, /第七条 本办法由市科学技术局负责解释/);
  assert.ok(!text.includes('政策解读'), 'no 解读 heading');
  assert.ok(!text.includes(doc.interpretation.slice(0, 20)), 'no 解读 text');
});

test('the 政策解读 is a document of its own, with its own download', async () => {
  const ps = await paragraphs(`/api/documents/${doc.id}/interpretation.docx`);
  assert.equal(ps[0].text, `《${doc.title}》政策解读`);
  const text = ps.map((p) => p.text).join('\n');
  assert.ok(text.includes(doc.interpretation.slice(0, 20)));
  assert.ok(!text.includes('第七条'), 'not the 文件');
  assertSigned(ps, cn(doc.published_on));
  const res = await app.inject({ url: `/api/documents/${doc.id}/interpretation.docx`, headers });
  assert.match(
    String(res.headers['content-disposition']),
    /filename\*=UTF-8''.*%E6%94%BF%E7%AD%96%E8%A7%A3%E8%AF%BB\.docx/,
  );
});

test('a draft has no 政策解读 to download; its 文件 names the department and leaves the date to the signing', async () => {
  const [draft] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from normative_documents where published_on is null limit 1`,
  );
  const res = await app.inject({ url: `/api/documents/${draft.id}/interpretation.docx`, headers });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /没有政策解读/);
  const filled = (await paragraphs(`/api/documents/${draft.id}/document.docx`)).filter(
    (p) => p.text,
  );
  assert.equal(filled.at(-1)!.text, '示范市科学技术局');
});

test('the 意见采纳情况说明 is signed by the department on the day it was published', async () => {
  const [c] = await queryRows<{ report_published_on: string }>(
    t.ctx.db,
    sql`select report_published_on::text from consultations where subject_id = ${doc.id}`,
  );
  assertSigned(
    await paragraphs(`/api/documents/${doc.id}/feedback.docx`),
    cn(c.report_published_on),
  );
});
