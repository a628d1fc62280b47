import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { bomb } from './docxTestkit.ts';

let t: Awaited<ReturnType<typeof createBaseApp>>;
let headers: Record<string, string>;

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'bomb', password: 'Staff-pass-2025', roles: ['staff'] });
  headers = (await signIn(t.app, 'bomb', 'Staff-pass-2025')).headers;
});
after(() => t.close());

function multipart(name: string, content: Buffer) {
  const boundary = '----fazhiBomb';
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

test('a .docx bomb (200 MB of zeros) is refused by both importers fast, with a Chinese 400, changing nothing', async () => {
  const file = await bomb(200);
  // The document source: the file is stored, taking the draft's text from it is refused.
  const draft = await t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers,
    payload: {
      title: '示范市压缩炸弹测试办法',
      docType: 'measures',
      concernsMarket: false,
      touchesPublicInterest: true,
      bodyText: '第一条 原文。',
    },
  });
  assert.equal(draft.statusCode, 200, draft.body);
  const id = draft.json().document.id;
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    ...multipart('炸弹.docx', file),
  });
  assert.equal(uploaded.statusCode, 200, uploaded.body);
  let t0 = performance.now();
  const source = await t.app.inject({
    method: 'POST',
    url: `/api/documents/${id}/source`,
    headers,
    payload: { fileId: uploaded.json().id },
  });
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(source.statusCode, 400, source.body);
  assert.match(source.json().error.message, /^文件：文档解压后内容过大/);
  assert.equal(source.json().error.fields[0].path, 'fileId');
  const after = await t.app.inject({ url: `/api/documents/${id}`, headers });
  assert.equal(after.json().document.bodyText, '第一条 原文。');
  // The report importer.
  t0 = performance.now();
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/report-imports',
    ...multipart('年度报告.docx', file),
  });
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(imported.statusCode, 400, imported.body);
  assert.match(imported.json().error.message, /^文件：文档解压后内容过大/);
});
