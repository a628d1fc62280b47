// The analyser against the five real reports, as read by hand (fixtures/seeds.ts), and its parts on
// the messy inputs the seeds show: encodings, web chrome, hard wraps, pinyin, Word artefacts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { analyseText, notAReport } from './analyse.ts';
import { SEEDS } from './fixtures/seeds.ts';
import { partsOf } from './structure.ts';
import { figuresOfLine } from './figures.ts';
import { normalise } from './normalise.ts';
import { compareReports } from './repeated.ts';
import { decodeText, extractText, htmlToText } from './extract.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED_DIR = path.resolve(HERE, '../../../../test/fixtures/seeds');
const seed = (file: string) => fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
const fixture = (file: string) => fs.readFileSync(path.join(HERE, 'fixtures', file));

for (const s of SEEDS) {
  test(`seed ${s.file}: organisation, year, date and the five parts`, () => {
    const { analysis: a } = analyseText(seed(s.file));
    assert.equal(a.orgName, s.orgName);
    assert.equal(a.city, s.city);
    assert.equal(a.year, s.year);
    assert.equal(a.reportDate, s.reportDate);
    assert.equal(a.title, s.title);
    assert.equal(a.addressee, s.addressee);
    assert.deepEqual(a.partsPresent, s.partsPresent);
    assert.deepEqual(a.partsMissing, s.partsMissing);
    assert.deepEqual(
      a.headings.filter((h) => h.level === 1).map((h) => [h.title, h.part]),
      s.topHeadings,
    );
    assert.equal(
      a.parts.find((p) => p.code === 'firstResponsible')?.nested ?? false,
      s.firstResponsibleNested,
    );
    const flags = a.flags.map((f) => f.code);
    assert.equal(
      flags.includes('missingFirstResponsible'),
      s.partsMissing.includes('firstResponsible'),
    );
    assert.equal(flags.includes('firstResponsibleNested'), s.firstResponsibleNested);
    assert.equal(flags.includes('orgUnknown'), s.orgName === null);
    // (五) is missing in every seed: a note, not a warning.
    assert.equal(
      a.flags.find((f) => f.code === 'missingPart' && f.message.includes('其他需要报告'))?.severity,
      'info',
    );
  });

  test(`seed ${s.file}: figures with their subjects, and the indicators they map to`, () => {
    const { analysis: a, text } = analyseText(seed(s.file));
    const unused = [...a.figures];
    for (const e of s.figures) {
      const i = unused.findIndex(
        (f) => f.text === e.text && e.subject.every((w) => f.subject.includes(w)),
      );
      assert.ok(
        i >= 0,
        `${e.text} (${e.subject.join('…')}) not found; figures: ${a.figures.map((f) => `${f.text}「${f.subject}」`).join(' ')}`,
      );
      const f = unused.splice(i, 1)[0];
      assert.equal(f.value, e.value, e.text);
      assert.equal(f.unit, e.unit, e.text);
      assert.equal(f.indicator, e.indicator, `${e.text} classified as ${f.indicator}`);
      if (e.qualifier) assert.equal(f.qualifier, e.qualifier);
      assert.equal(text.slice(f.start, f.end), f.text, 'offsets point into the normalised text');
    }
    assert.deepEqual(a.indicators, s.indicators);
    for (const n of s.notFigures)
      assert.ok(!a.figures.some((f) => f.value === Number(n)), `${n} is not a figure`);
    for (const f of a.figures)
      assert.ok(
        !/《[^》]*$/.test(text.slice(text.lastIndexOf('\n', f.start) + 1, f.start)),
        `${f.text} lies inside a 《title》`,
      );
  });

  test(`seed ${s.file}: normalised text, and the share of sentences without a concrete fact`, () => {
    const { analysis: a, text } = analyseText(seed(s.file));
    for (const c of s.contains) assert.ok(text.includes(c), `contains ${c}`);
    for (const c of s.lacks) assert.ok(!text.includes(c), `lacks ${c}`);
    const share = a.sentences.emptyShare;
    assert.ok(share >= s.emptyShare[0] && share <= s.emptyShare[1], `empty share ${share}`);
    assert.equal(
      a.flags.some((f) => f.code === 'formalism'),
      s.formalism,
    );
    assert.equal(notAReport({ analysis: a, text }), null);
  });
}

test('seed 000: traditional characters and the converter’s pinyin are undone', () => {
  const { analysis: a, text } = analyseText(seed('000_c6e51d1f96c37d2c.txt'));
  assert.ok(a.normalisation.pinyin >= 100, `pinyin removed: ${a.normalisation.pinyin}`);
  assert.ok(a.normalisation.traditional >= 500);
  assert.ok(
    text.startsWith(
      '2021年，市科技局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实习近平法治思想',
    ),
  );
});

test('seed 001: the 政务公开 metadata block is read, then removed with navigation and footer', () => {
  const { analysis: a, text } = analyseText(seed('001_2ff49a1744f89f60.txt'));
  assert.ok(a.normalisation.chromeLines >= 20);
  assert.equal(text.split('\n')[0], '亳州市科学技术局关于2023年法治政府建设情况的报告');
  assert.ok(text.endsWith('开展科技工作相关的法律咨询、培训、协助应诉等工作。'));
});

test('heading tree: 一、 / （一） / 1. / 一是…, nested in order', () => {
  const { analysis: a } = analyseText(seed('004_a43d37cc7c10f483.txt'));
  const one = a.headings[0];
  assert.equal(one.children.length, 6);
  const two = one.children[1];
  assert.equal(two.title, '依法全面履行政府职能，全力打造一流营商环境');
  assert.deepEqual(
    two.children.map((h) => [h.level, h.marker, h.title]),
    [
      [3, '1.', '加快推进简政放权'],
      [3, '2.', '着力加强公正监管'],
      [3, '3.', '大力优化政务服务'],
      [3, '4.', '健全公平竞争审查工作机制'],
    ],
  );
  const { analysis: b } = analyseText(seed('002_e7f45dcb97ad5be8.txt'));
  assert.deepEqual(
    b.headings[0].children[0].children.map((h) => [h.level, h.marker, h.title]),
    [
      [5, '一是', '高度重视'],
      [5, '二是', '加强领导'],
      [5, '三是', '抓好落实'],
    ],
  );
});

test('part names: the many ways reports title the five parts', () => {
  const cases: [string, string[]][] = [
    ['2021年工作情况', ['measures']],
    ['法治政府建设主要工作情况', ['measures']],
    ['主要工作举措及成效', ['measures']],
    ['存在的主要问题', ['shortcomings']],
    ['存在的不足和原因', ['shortcomings']],
    ['2024年工作计划', ['plans']],
    ['2024年度推进法治政府建设的主要安排', ['plans']],
    ['下一步工作打算', ['plans']],
    ['存在问题及下一步工作打算', ['shortcomings', 'plans']],
    ['主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', ['firstResponsible']],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', ['firstResponsible']],
    ['其他需要报告的情况', ['other']],
    ['加强组织领导', []],
  ];
  for (const [title, parts] of cases) assert.deepEqual(partsOf(title), parts, title);
});

test('figures: approximate values, quoted titles, deadlines and ordinals', () => {
  const f = (line: string) =>
    figuresOfLine(line, 0, 0).map((x) => [x.text, x.value, x.unit, x.qualifier]);
  assert.deepEqual(f('全年共处理660多件，培训人员260余人次，近30家单位参加。'), [
    ['660多件', 660, '件', '多'],
    ['260余人次', 260, '人次', '余'],
    ['30家', 30, '家', '近'],
  ]);
  assert.deepEqual(f('印发《关于赋予县（市）255项权限的通知》（郑编〔2021〕31号）。'), []);
  assert.deepEqual(f('发布后30日内报备案，15个工作日内答复，第3期培训，3个月内完成。'), []);
  assert.deepEqual(f('“三重一大”“一规划两纲要”全面落实。'), []);
  assert.deepEqual(f('争取资金880万元，增长13.9%，提高2个百分点。'), [
    ['880万元', 880, '万元', null],
    ['13.9%', 13.9, '%', null],
    ['2个百分点', 2, '个百分点', null],
  ]);
});

test('normalise: hard wraps joined, headings and date lines kept apart, Word artefacts removed', () => {
  const n = normalise(
    '荥阳市人民政府:\n2023年,在市司法局的具\n体指导下,我局推进工作。\n一、2023 年度工作情况\n(一)健全机制。聘请律师薛宝庆\n担任法律顾问。\n[bookmark: _GoBack]    (二)加强培训\n2024年4月1日',
  );
  assert.deepEqual(n.lines, [
    '荥阳市人民政府：',
    '2023年，在市司法局的具体指导下，我局推进工作。',
    '一、2023年度工作情况',
    '（一）健全机制。聘请律师薛宝庆担任法律顾问。',
    '（二）加强培训',
    '2024年4月1日',
  ]);
  assert.equal(n.report.joinedLines, 2);
  assert.equal(n.report.artefacts, 1);
});

test('normalise: pinyin in brackets goes only where a broken converter put it', () => {
  assert.equal(
    normalise('習(xí)近平總書記關(guān)於這(zhè)項(xiàng)工作').text,
    '习近平总书记关于这项工作',
  );
  assert.equal(
    normalise('上线移动应用(app)和门户(web)。').text,
    '上线移动应用（app）和门户（web）。',
  );
});

test('decodeText: UTF-8, GBK/GB18030 and Big5 files; binary refused', () => {
  const utf8 = decodeText(Buffer.from('法治政府建设'));
  assert.deepEqual(utf8, { text: '法治政府建设', encoding: 'utf-8' });
  const gbk = decodeText(fixture('003-gb18030.txt'));
  assert.equal(gbk.encoding, 'gb18030');
  assert.equal(gbk.text, seed('003_5a7ed637e8473e00.txt'));
  const big5 = decodeText(fixture('000-big5.txt'));
  assert.equal(big5.encoding, 'big5');
  assert.ok(big5.text.startsWith('2021年,市科技局堅持以習近平新時代'));
  assert.throws(() => decodeText(Buffer.from([0x50, 0x00, 0x01, 0x02, 0xff])), /不是文本文件/);
  assert.throws(
    () => decodeText(Buffer.from([0x81, 0x20, 0xfe, 0x20, 0x81, 0x20])),
    /无法识别文件编码/,
  );
});

test('a web page as saved from a government site reads like seed 001', async () => {
  const page = await extractText({
    name: '亳州市科学技术局关于2023年法治政府建设情况的报告.html',
    content: fixture('001-page.html'),
  });
  assert.equal(page.format, 'html');
  const { analysis: a, text } = analyseText(page.text);
  const { analysis: b } = analyseText(seed('001_2ff49a1744f89f60.txt'));
  assert.equal(a.orgName, '亳州市科学技术局');
  assert.equal(a.reportDate, '2024-02-04');
  assert.deepEqual(a.partsPresent, b.partsPresent);
  assert.deepEqual(a.indicators, b.indicators);
  assert.deepEqual(
    a.figures.map((f) => f.text),
    b.figures.map((f) => f.text),
  );
  for (const chrome of [
    '首页',
    '长者版',
    '索引号',
    '浏览次数',
    '分享到',
    '打印本页',
    '版权所有',
    'ICP',
    '_hmt',
  ])
    assert.ok(!text.includes(chrome), chrome);
  assert.equal(htmlToText('<p>A&amp;B&nbsp;&#x6CD5;&#27835;</p>').trim(), 'A&B 法治');
});

test('not a report: empty, too short, off topic, or without any part', () => {
  const problem = (s: string) => notAReport(analyseText(s));
  assert.match(problem(' \n\t ')!, /没有文字内容/);
  assert.match(problem('关于召开会议的通知。')!, /内容过短/);
  assert.match(problem('春天来了，'.repeat(100))!, /不像法治政府建设年度报告/);
  assert.match(problem('我局扎实推进法治政府建设，'.repeat(40))!, /未找到年度报告的任何部分/);
  assert.match(problem(`一、法治政府建设工作情况\n${'共办理5件，'.repeat(1200)}`)!, /像是统计表/);
});

test('repeated text: sentences of last year’s report come back with new numbers', () => {
  const base = analyseText(seed('004_a43d37cc7c10f483.txt')).text;
  const copy = base.replace(/2023/g, '2024').replace(/2477/, '2600');
  const rep = compareReports(copy, base);
  assert.equal(rep.share, 100);
  const other = compareReports(analyseText(seed('001_2ff49a1744f89f60.txt')).text, base);
  assert.ok(other.share < 5, `different departments share ${other.share}%`);
});
