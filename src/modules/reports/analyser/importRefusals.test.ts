// Report imports that are refused: bad input is answered in Chinese and stores nothing (no import, no
// file, no audit event); the size limit is the file setting and is applied before the upload is read.
// Each test starts from its own createBaseApp() (server/testing.ts, through ./testkit.ts); naming
// testing.ts here is what puts this file in the runner's PostgreSQL pass too (scripts/test.mjs).
import assert from 'node:assert/strict';
import { putSetting } from '../../../core/settings/service.ts';
import { fileSettings } from '../../../core/files/service.ts';
import { importsTest, S004, seed } from './testkit.ts';

importsTest(
  'bad input is refused in Chinese and nothing is stored',
  async ({ t, staff, upload, paste, counts }) => {
    const before = await counts();
    const cases: [
      Promise<{ statusCode: number; json(): { error: { message: string } } }>,
      RegExp,
    ][] = [
      [upload(staff, 'empty.txt', Buffer.alloc(0)), /不能为空文件/],
      [
        upload(
          staff,
          'notes.txt',
          Buffer.from('今天下午三点在三楼会议室开会，请准时参加。'.repeat(3)),
        ),
        /内容过短/,
      ],
      [
        upload(
          staff,
          'novel.txt',
          Buffer.from('春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。'.repeat(20)),
        ),
        /不像法治政府建设年度报告/,
      ],
      [
        upload(staff, 'scan.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '', 'application/pdf'),
        /暂不支持 PDF/,
      ],
      [
        upload(
          staff,
          'old.doc',
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        ),
        /另存为 \.docx/,
      ],
      [
        upload(
          staff,
          'broken.docx',
          Buffer.concat([
            Buffer.from([0x50, 0x4b, 0x03, 0x04]),
            Buffer.from('word/document.xml garbage'),
          ]),
        ),
        /无法读取该 \.docx/,
      ],
      [
        upload(staff, 'weird.txt', Buffer.from([0x81, 0x20, 0xfe, 0x20, 0x81, 0x20, 0x41])),
        /无法识别文件编码/,
      ],
      [paste(staff, { text: '' }), /报告正文/],
      [
        t.app.inject({
          method: 'POST',
          url: '/api/report-imports',
          headers: staff.headers,
          payload: { text: 'x' },
        }),
        /请以上传文件的方式提交/,
      ],
      [upload(staff, 'r.txt', seed(S004), '?year=1800'), /报告年度/],
    ];
    for (const [res, message] of cases) {
      const r = await res;
      assert.equal(r.statusCode, 400, message.source);
      assert.match(r.json().error.message, message);
    }
    assert.deepEqual(await counts(), before);
  },
);

importsTest(
  'a 50 MB upload is refused before it is read; the size limit is the file setting',
  async ({ t, staff, upload, counts }) => {
    const before = await counts();
    const huge = await upload(staff, 'huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x41));
    assert.equal(huge.statusCode, 400);
    assert.match(huge.json().error.message, /大小超过上限 20 MB/);
    await putSetting(t.ctx.db, fileSettings, { maxBytes: 8 * 1024 }, t.ctx.clock.now());
    // Within the declared-length margin: the multipart limit stops it.
    const over = await upload(staff, 'r.txt', seed(S004));
    assert.equal(over.statusCode, 400);
    assert.match(over.json().error.message, /大小超过上限 8 KB/);
    assert.deepEqual(await counts(), before);
  },
);
