import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docxText } from './docx.ts';
import { RELS, TYPES, bomb, doc, lie, para, zip } from './docxTestkit.ts';
import { extractText } from '../../modules/reports/analyser/extract.ts';

async function refusalOf(run: () => Promise<unknown>) {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const t0 = performance.now();
  const err = await run().then(
    () => null,
    (e: Error & { code?: string; fields?: Array<{ path: string }> }) => e,
  );
  return {
    err,
    ms: performance.now() - t0,
    rssGrowthMb: (process.memoryUsage().rss - rss) / 1024 / 1024,
  };
}

test('a normal .docx is read', async () => {
  const b = await zip([
    ['[Content_Types].xml', Buffer.from(TYPES)],
    ['_rels/.rels', Buffer.from(RELS)],
    ['word/document.xml', Buffer.from(doc(para('第一条 为了规范') + para('第二条 本办法')))],
  ]);
  assert.match(await docxText(b, { field: 'file' }), /第一条 为了规范\s+第二条 本办法/);
});

test('a 200 MB-of-zeros bomb is refused fast, with little memory, by the shared helper and the report importer', async (t) => {
  const b = await bomb(200);
  assert.ok(b.length < 1024 * 1024, `bomb of ${b.length} bytes`);
  for (const [label, run] of [
    ['docxText', () => docxText(b, { field: 'fileId' })],
    ['extractText', () => extractText({ name: 'bomb.docx', content: b })],
    ['docxText, lying directory', () => docxText(lie(b, 1000), { field: 'fileId' })],
  ] as const) {
    const r = await refusalOf(run);
    t.diagnostic(
      `${label}: refused in ${r.ms.toFixed(0)} ms, RSS +${r.rssGrowthMb.toFixed(1)} MB (bomb ${(b.length / 1024).toFixed(0)} KB → 200 MB)`,
    );
    assert.equal(r.err?.code, 'VALIDATION', label);
    assert.match(r.err!.message, /^文件：文档解压后内容过大/, label);
    assert.ok(r.ms < 2000, `${label}: ${r.ms.toFixed(0)} ms`);
    assert.ok(r.rssGrowthMb < 100, `${label}: RSS grew ${r.rssGrowthMb.toFixed(0)} MB`);
  }
});

test('text longer than the cap is refused with a Chinese message', async () => {
  const b = await zip([
    ['[Content_Types].xml', Buffer.from(TYPES)],
    ['_rels/.rels', Buffer.from(RELS)],
    ['word/document.xml', Buffer.from(doc(para('法'.repeat(5000))))],
  ]);
  await assert.rejects(
    docxText(b, { field: 'fileId', limits: { maxChars: 1000 } }),
    (e: Error & { fields?: Array<{ path: string }> }) =>
      /正文过长/.test(e.message) && e.fields?.[0].path === 'fileId',
  );
});

test('a broken zip is refused as a damaged file', async () => {
  await assert.rejects(
    docxText(Buffer.from('PK\u0003\u0004word/document.xml nothing else'), { field: 'file' }),
    /无法读取该 \.docx 文件/,
  );
});
