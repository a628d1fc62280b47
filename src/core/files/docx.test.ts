import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { docxText } from './docx.ts';
import { extractText } from '../../modules/reports/analyser/extract.ts';

const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

function zip(entries: Array<[string, Buffer | Readable]>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (Buffer.isBuffer(content)) z.addBuffer(content, name);
    else z.addReadStream(content, name);
  }
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

/** A .docx whose document.xml is `mb` MB of zeros, deflated while streamed (never held in memory). */
function bomb(mb: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = mb;
  const zeros = new Readable({ read() { this.push(left-- > 0 ? chunk : null); } });
  return zip([['[Content_Types].xml', Buffer.from(TYPES)], ['_rels/.rels', Buffer.from(RELS)], ['word/document.xml', zeros]]);
}

/** Rewrites the central directory's uncompressed sizes to `size` (a directory that lies). */
function lie(b: Buffer, size: number): Buffer {
  const out = Buffer.from(b);
  for (let p = out.length - 22; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    out.writeUInt32LE(size, p + 24);
  }
  return out;
}

async function refusalOf(run: () => Promise<unknown>) {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const t0 = performance.now();
  const err = await run().then(() => null, (e: Error & { code?: string; fields?: Array<{ path: string }> }) => e);
  return { err, ms: performance.now() - t0, rssGrowthMb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

test('a normal .docx is read', async () => {
  const b = await zip([['[Content_Types].xml', Buffer.from(TYPES)], ['_rels/.rels', Buffer.from(RELS)], ['word/document.xml', Buffer.from(doc(para('第一条 为了规范') + para('第二条 本办法')))]]);
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
    t.diagnostic(`${label}: refused in ${r.ms.toFixed(0)} ms, RSS +${r.rssGrowthMb.toFixed(1)} MB (bomb ${(b.length / 1024).toFixed(0)} KB → 200 MB)`);
    assert.equal(r.err?.code, 'VALIDATION', label);
    assert.match(r.err!.message, /^文件：文档解压后内容过大/, label);
    assert.ok(r.ms < 2000, `${label}: ${r.ms.toFixed(0)} ms`);
    assert.ok(r.rssGrowthMb < 100, `${label}: RSS grew ${r.rssGrowthMb.toFixed(0)} MB`);
  }
});

test('text longer than the cap is refused with a Chinese message', async () => {
  const b = await zip([['[Content_Types].xml', Buffer.from(TYPES)], ['_rels/.rels', Buffer.from(RELS)], ['word/document.xml', Buffer.from(doc(para('法'.repeat(5000))))]]);
  await assert.rejects(docxText(b, { field: 'fileId', limits: { maxChars: 1000 } }), (e: Error & { fields?: Array<{ path: string }> }) => /正文过长/.test(e.message) && e.fields?.[0].path === 'fileId');
});

test('a broken zip is refused as a damaged file', async () => {
  await assert.rejects(docxText(Buffer.from('PK\u0003\u0004word/document.xml nothing else'), { field: 'file' }), /无法读取该 \.docx 文件/);
});
