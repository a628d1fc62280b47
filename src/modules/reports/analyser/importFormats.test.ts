// Importing reports through the API on a real database: what is stored, listed, downloaded and
// audited, and the formats and encodings that are read (plain text, GBK, Big5, a web page, .docx,
// pasted text with corrections).
// Each test starts from its own createBaseApp() (server/testing.ts, through ./testkit.ts); naming
// testing.ts here is what puts this file in the runner's PostgreSQL pass too (scripts/test.mjs).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { Document, Packer, Paragraph } from 'docx';
import { queryRows } from '../../../core/db/client.ts';
import { fixture, importsTest, S004, seed } from './testkit.ts';

importsTest(
  'a .txt report: stored with its original, analysed, listed, downloadable, audited',
  async ({ t, staff, bureauId, upload, view, get }) => {
    const res = await upload(staff, '市科技局2023年法治政府建设情况报告.txt', seed(S004));
    assert.equal(res.statusCode, 200, res.body);
    const { id } = res.json();
    const detail = (await view(staff, id)).json();
    assert.equal(detail.departmentId, bureauId);
    assert.equal(detail.departmentName, '示范市科学技术局');
    assert.equal(detail.format, 'txt');
    assert.equal(detail.encoding, 'utf-8');
    assert.equal(detail.orgName, '天津市科学技术局');
    assert.equal(detail.year, 2023);
    assert.deepEqual(detail.analysis.partsMissing, ['other']);
    assert.equal(detail.analysis.indicators['disclosure.publications.total'], 2477);
    assert.ok(!detail.text.includes('[bookmark'));
    assert.equal(detail.repetition, null);
    assert.equal(detail.canEdit, true);
    const original = await get(staff, `/api/report-imports/${id}/original`);
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(seed(S004)));
    const list = (await get(staff, '/api/report-imports?year=2023')).json();
    assert.ok(
      list.items.some((i: { id: string; warnings: number }) => i.id === id && i.warnings === 0),
    );
    const [audit] = await queryRows<{ payload: { fileName: string; departmentId: string } }>(
      t.ctx.db,
      sql`select payload from audit_events where action = 'reportImport.create' and entity_id = ${id}`,
    );
    assert.equal(audit.payload.departmentId, bureauId);
  },
);

importsTest(
  'GBK, Big5, web page and .docx files are read; pasted text too, with corrections',
  async ({ staff, upload, view, paste }) => {
    const gbk = (await upload(staff, '荥阳.txt', fixture('003-gb18030.txt'))).json();
    const g = (await view(staff, gbk.id)).json();
    assert.deepEqual(
      [g.encoding, g.orgName, g.year, g.reportDate],
      ['gb18030', '荥阳市科技工业和信息化局', 2023, '2024-04-01'],
    );
    const big5 = (
      await view(staff, (await upload(staff, '江门.txt', fixture('000-big5.txt'))).json().id)
    ).json();
    assert.deepEqual([big5.encoding, big5.orgName, big5.year], ['big5', '江门市科学技术局', 2021]);
    const page = (
      await view(
        staff,
        (await upload(staff, 'report.html', fixture('001-page.html'), '', 'text/html')).json().id,
      )
    ).json();
    assert.deepEqual(
      [page.format, page.orgName, page.reportDate],
      ['html', '亳州市科学技术局', '2024-02-04'],
    );

    const lines = seed('002_e7f45dcb97ad5be8.txt').toString('utf8').split('\n');
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }),
    );
    const word = await upload(
      staff,
      '韶关.docx',
      Buffer.from(docx),
      '?orgName=韶关市政务服务数据管理局',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(word.statusCode, 200, word.body);
    const w = (await view(staff, word.json().id)).json();
    assert.deepEqual(
      [w.format, w.orgName, w.year, w.analysis.orgName],
      ['docx', '韶关市政务服务数据管理局', 2022, null],
    );
    assert.equal(
      w.analysis.figures.find((f: { text: string }) => f.text === '660多件')?.qualifier,
      '多',
    );

    const pasted = await paste(staff, {
      text: seed('002_e7f45dcb97ad5be8.txt').toString('utf8'),
      orgName: '韶关市政务服务数据管理局',
      year: 2022,
    });
    assert.equal(pasted.statusCode, 200, pasted.body);
    const p = (await view(staff, pasted.json().id)).json();
    assert.deepEqual(
      [p.format, p.fileName, p.orgName],
      ['paste', '粘贴文本.txt', '韶关市政务服务数据管理局'],
    );
  },
);
