// The analyser on openings of reports unlike the five seeds (fixtures/unseen.ts, issue 10 item 4):
// who wrote it, for which year, when, and a title free of web chrome; and its speed on hostile input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseText, MAX_TEXT_CHARS, notAReport } from './analyse.ts';
import { UNSEEN } from './fixtures/unseen.ts';
import { normalise } from './normalise.ts';
import { orgAt, orgNameOf } from './org.ts';
import { htmlToText } from './extract.ts';

for (const r of UNSEEN) {
  test(`unseen ${r.name}: ${r.pattern}`, () => {
    const { analysis: a, text } = analyseText(r.text);
    assert.equal(a.orgName, r.orgName, 'organisation');
    assert.equal(a.city, r.city, 'city');
    assert.equal(a.year, r.year, 'year');
    assert.equal(a.reportDate, r.reportDate, 'date');
    assert.equal(a.title, r.title, 'title');
    assert.equal(a.addressee, r.addressee, 'addressee');
    if (r.title)
      assert.equal(
        text.split('\n')[0],
        r.title,
        'the title is the first line of the normalised text',
      );
    for (const c of r.lacks) assert.ok(!text.includes(c), `lacks ${c}`);
    assert.equal(notAReport({ analysis: a, text }), null);
    assert.ok(!a.flags.some((f) => f.code === 'orgUnknown' || f.code === 'yearUnknown'));
  });
}

test('organisation names: any place of one or more levels, any department, short forms made official', () => {
  const name = (s: string) => {
    const o = orgAt(s);
    return o && [orgNameOf(o), o.place || o.level];
  };
  const cases: [string, [string, string] | null][] = [
    ['青石县科学技术局关于', ['青石县科学技术局', '青石县']],
    ['东岚省云岭市白沙区科学技术局2023年', ['东岚省云岭市白沙区科学技术局', '东岚省云岭市白沙区']],
    ['云岭市科技局 ', ['云岭市科学技术局', '云岭市']],
    ['云岭市市场监督管理局坚持', ['云岭市市场监督管理局', '云岭市']],
    // 城市 is not a place, 州 is not the end of 亳州市 / 通州区.
    ['云岭市城市管理局', ['云岭市城市管理局', '云岭市']],
    ['亳州市科学技术局', ['亳州市科学技术局', '亳州市']],
    ['云岭市通州区科技局', ['云岭市通州区科学技术局', '云岭市通州区']],
    ['白沙区住房和城乡建设局', ['白沙区住房和城乡建设局', '白沙区']],
    ['白沙区发改委2023年', ['白沙区发展和改革委员会', '白沙区']],
    ['青石县人民政府办公室关于', ['青石县人民政府办公室', '青石县']],
    ['东岚省人力资源和社会保障厅', ['东岚省人力资源和社会保障厅', '东岚省']],
    ['青川苗族自治县司法局', ['青川苗族自治县司法局', '青川苗族自治县']],
    ['白云盟教育局', ['白云盟教育局', '白云盟']],
    ['石门旗科技局', ['石门旗科学技术局', '石门旗']],
    ['市科技局2023年', ['市科学技术局', '市']],
    ['区司法局在区委', ['区司法局', '区']],
    ['云岭市科技局部署', ['云岭市科学技术局', '云岭市']],
    ['白沙区委', null],
    ['中共云岭市委', null],
    ['全市科技局', null],
    ['我局', null],
    ['在市委', null],
    ['市政府的正确领导和市司法局', null],
    ['青石县全面推进依法行政工作局面', null],
    ['青石县坚持依法办事', null],
  ];
  for (const [s, expected] of cases) assert.deepEqual(name(s), expected, s);
});

test('web chrome: breadcrumb trails, the date and source line, bracketed metadata, a title with chrome after it', () => {
  const n = normalise(
    [
      '您当前所在的位置: 首页 > 政务公开 > 法治政府建设',
      '当前位置：首页»部门信息»云岭市科技局',
      '> 工作信息 > 计划总结',
      '首页 > 信息公开 > 云岭市科技局2023年度法治政府建设工作情况报告',
      '日期: 2024- 01- 25 15: 27 浏览次数: 1024',
      '【编辑日期:2023-12-28】【字体:大 中 小】【打印本页】',
      '2023年，我局坚持依法行政。',
    ].join('\n'),
  );
  assert.deepEqual(n.lines, [
    '云岭市科技局2023年度法治政府建设工作情况报告',
    '2023年，我局坚持依法行政。',
  ]);
  assert.deepEqual(n.meta.crumbs, [
    '首页',
    '政务公开',
    '法治政府建设',
    '首页',
    '部门信息',
    '云岭市科技局',
    '工作信息',
    '计划总结',
    '首页',
    '信息公开',
  ]);
  assert.equal(n.meta.publishedOn, '2024-01-25');

  const dated = (line: string) => normalise(`${line}\n2023年，我局坚持依法行政。`).meta.publishedOn;
  assert.equal(dated('【编辑日期:2023-12-28】'), '2023-12-28');
  assert.equal(dated('【发布时间：2024年1月5日】【来源：白沙区司法局】'), '2024-01-05');
  assert.equal(dated('更新时间：2024/02/06 09:30'), '2024-02-06');

  const titled = normalise(
    '白沙区司法局2023年法治政府建设年度报告【字体：大 中 小】【打印】【关闭】\n青石县科学技术局2023年法治政府建设情况报告 发布时间：2024-01-30 09:12 来源：本网\n一、主要举措和成效',
  );
  assert.deepEqual(titled.lines, [
    '白沙区司法局2023年法治政府建设年度报告',
    '青石县科学技术局2023年法治政府建设情况报告',
    '一、主要举措和成效',
  ]);
  assert.equal(titled.meta.publishedOn, '2024-01-30');
  // A sentence with a source note is text, not a title with chrome.
  assert.deepEqual(normalise('全年办理复议案件12件（来源：复议台账），同比下降。').lines, [
    '全年办理复议案件12件（来源：复议台账），同比下降。',
  ]);
});

test(`hostile input of ${MAX_TEXT_CHARS.toLocaleString('en')} characters is analysed in linear time`, () => {
  const n = MAX_TEXT_CHARS;
  const fill = (unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const shapes: [string, string][] = [
    ['one line of Chinese', fill('法')],
    ['spaces between two characters', `法${' '.repeat(n - 2)}法`],
    ['tabs before a digit', `法${'\t'.repeat(n - 2)}1`],
    ['spaces before punctuation', `法${' '.repeat(n - 2)},`],
    ['one-word lines (hard wraps)', fill('白沙区\n')],
    ['place names without a department', fill('云岭市白沙区青石县')],
    ['departments without end', fill('云岭市科学技术局')],
    ['breadcrumb separators', fill(' > 首页')],
    ['metadata labels', fill('日期: 2024- 01- ')],
    ['brackets', fill('【编辑日期:')],
    ['opening brackets', fill('《')],
    ['an addressee repeated', fill('中共云岭市委、云岭市人民政府：')],
    ['unclosed tags', fill('<')],
  ];
  for (const [label, text] of shapes) {
    const started = performance.now();
    analyseText(label === 'unclosed tags' ? htmlToText(text) : text);
    const ms = performance.now() - started;
    // Linear runs take 10–600 ms here; a quadratic pattern on this input takes a minute.
    assert.ok(ms < 3000, `${label}: ${Math.round(ms)} ms`);
  }
});
