/**
 * Concrete figures in a report's prose ("累计办理外国人来华工作许可429宗", "全年共处理660多件") with
 * what they count. Arabic numerals with a counting unit only: years, dates, 文号 (〔2023〕57号),
 * numbers inside 《titles》, ordinals (第3期) and deadlines (30日内) are not figures of the year's work,
 * and Chinese-numeral slogans (三重一大, 一规划两纲要) are not facts.
 */
const UNITS = [
  '万人次',
  '人次',
  '件次',
  '批次',
  '场次',
  '户次',
  '条次',
  '项次',
  '个百分点',
  '百分点',
  '学时',
  '课时',
  '小时',
  '件',
  '宗',
  '条',
  '名',
  '人',
  '次',
  '家',
  '项',
  '个',
  '份',
  '篇',
  '期',
  '批',
  '场',
  '所',
  '户',
  '部',
  '台',
  '套',
  '册',
  '本',
  '幅',
  '处',
  '起',
  '位',
  '支',
  '类',
  '轮',
  '门',
  '倍',
  '元',
  '%',
  '％',
];
// Longest unit first so that 人次 wins over 人; 个 followed by 工作日/月 is a deadline or a period.
const FIGURE_RE = new RegExp(
  `(?<![\\d.\\-A-Za-z/第#])(\\d+(?:\\.\\d+)?)(万|亿)?(多|余)?(${UNITS.join('|')})(?!工作日|月|季度|小时|百分点)`,
  'g',
);
const TRAILING_FIGURE = new RegExp(`${FIGURE_RE.source}$`);
const BEFORE_QUALIFIER = /(近|约|超过|逾|达到?|多达|增至)$/;
const CLAUSE_DELIMITER = /[，、；：。！？]/;
const SENTENCE_END = /[。！？]/;
const LEADING_FILLER =
  /^(?:其中|另外|此外|同时|全年度?|年内|一年来|截至目前|目前|先后|共计?|累计|总计|合计|我局|本局|局机关|已经?|均|还|并|又|\d{4}年度?(?:以来)?|[一二三四五六七八九十]{1,2}是|认真|积极|及时)+/;
const TRAILING_FILLER = /(?:已|均|达到?|为|共计?|约|近|计|有|多达|逾|超过|增至)+$/;

export interface RawFigure {
  text: string;
  value: number;
  unit: string;
  qualifier: string | null;
  subject: string;
  /** The clause the figure is in (for classification), and the sentence and the one before it. */
  clause: string;
  sentence: string;
  context: string;
  line: number;
  start: number;
  end: number;
}

/** Characters inside 《titles》, 〔years〕 and [notes], where numbers are names, not counts. */
function quotedMask(line: string): Uint8Array {
  const mask = new Uint8Array(line.length);
  for (const re of [/《[^》\n]{0,200}》/g, /〔[^〕\n]{0,20}〕/g, /\[[^\]\n]{0,100}\]/g])
    for (const m of line.matchAll(re)) mask.fill(1, m.index!, m.index! + m[0].length);
  return mask;
}

/** Punctuation inside “双随机、一公开”, （市、区） and 《titles》 does not end a clause. */
function maskQuoted(line: string): string {
  return line.replace(/“[^”\n]{0,200}”|（[^）\n]{0,200}）|《[^》\n]{0,200}》/g, (m) =>
    m.replace(/[，、；：。！？]/g, '·'),
  );
}

/** The clause or sentence around `at`, at most `reach` characters each way (a pasted table with no full stops stays linear). */
function bounds(line: string, at: number, delimiter: RegExp, reach = 300): [number, number] {
  let from = at;
  while (from > 0 && at - from < reach && !delimiter.test(line[from - 1])) from--;
  let to = at;
  while (to < line.length && to - at < reach && !delimiter.test(line[to])) to++;
  return [from, to];
}

// A long clause (seed 003: 按照上级文件要求承接…涉及我局31项权限已全面及时承接落实到位) keeps the words next to the figure.
const shortBefore = (s: string) => (s.length > 24 ? `…${s.slice(-24)}` : s);
const shortAfter = (s: string) =>
  s
    .replace(/^的/, '')
    .split(/[已均并正将]/)[0]
    .slice(0, 16);
const clean = (s: string) =>
  s
    .replace(LEADING_FILLER, '')
    .replace(TRAILING_FILLER, '')
    .replace(/^[的了]/, '')
    .trim();
const cjkCount = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

/** Figures of one paragraph (line `index` of the normalised text starting at `offset`). */
export function figuresOfLine(
  line: string,
  index: number,
  offset: number,
  limit = Infinity,
): RawFigure[] {
  const quoted = quotedMask(line);
  const masked = maskQuoted(line);
  const out: RawFigure[] = [];
  for (const m of line.matchAll(FIGURE_RE)) {
    const at = m.index!;
    if (out.length >= limit) break;
    if (quoted[at]) continue;
    const end = at + m[0].length;
    const [cFrom, cTo] = bounds(masked, at, CLAUSE_DELIMITER);
    const [sFrom, sTo] = bounds(masked, at, SENTENCE_END);
    const before = line.slice(cFrom, at);
    const after = line.slice(end, cTo);
    let subject =
      shortBefore(clean(before.replace(BEFORE_QUALIFIER, '').replace(TRAILING_FIGURE, ''))) +
      shortAfter(after);
    if (cjkCount(subject) < 4 && cFrom >= 2) {
      // "三是认真处理12345政务服务便民热线涉我局工单。全年共处理660多件": the clause before says what.
      const [pFrom, pTo] = bounds(masked, cFrom - 2, CLAUSE_DELIMITER);
      const prev = clean(line.slice(pFrom, pTo).replace(TRAILING_FIGURE, ''));
      // A list (咨询、求助等共8件) reads on with its comma; across clauses an ellipsis marks the gap.
      if (prev) subject = `${prev}${line[cFrom - 1] === '、' ? '、' : '…'}${subject}`;
    }
    const prevSentenceFrom = sFrom >= 2 ? bounds(masked, sFrom - 2, SENTENCE_END)[0] : sFrom;
    const beforeQualifier = BEFORE_QUALIFIER.exec(before)?.[1];
    out.push({
      text: m[0],
      value: Number(m[1]),
      unit: `${m[2] ?? ''}${m[4] === '％' ? '%' : m[4]}`,
      qualifier:
        m[3] ??
        (beforeQualifier && /近|约|超过|逾|多达/.test(beforeQualifier) ? beforeQualifier : null),
      subject: subject || clean(before) || after,
      clause: line.slice(cFrom, cTo),
      sentence: line.slice(sFrom, Math.min(sTo + 1, line.length)),
      context: line.slice(prevSentenceFrom, Math.min(sTo + 1, line.length)),
      line: index,
      start: offset + at,
      end: offset + end,
    });
  }
  return out;
}

/**
 * Besides a figure, a concrete fact is: a specific date (2023年9月, 9月15日); a document the
 * department made (制定《…》, not 落实中办、国办印发《…》); a stated nil (未发生行政复议、行政诉讼案件);
 * a rating or an award (考核均为满分, 获得…先进集体).
 */
const DATED = /\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日/;
const MADE_DOCUMENT = /(制定|印发|出台|修订|修改|编制|形成|发布|编印|聘请|签订)[^。，；]{0,12}《/g;
const SOMEONE_ELSES = /贯彻|落实|学习|按照|根据|执行|依据|中办|国办/;
const NIL_OR_RESULT =
  /未发生|没有发生|没有作为被|无.{0,6}(案件|事故)|满分|先进集体|获评|获得.{0,16}(奖|称号)/;

function madeDocument(text: string): boolean {
  return [...text.matchAll(MADE_DOCUMENT)].some(
    (m) => !SOMEONE_ELSES.test(text.slice(Math.max(0, m.index! - 12), m.index!)),
  );
}

/** Sentences of a paragraph (its heading excluded), each with whether it states a concrete fact. */
export function sentencesOfLine(
  line: string,
  skip: number,
  figureStarts: number[],
): { text: string; concrete: boolean }[] {
  const out: { text: string; concrete: boolean }[] = [];
  const starts = [...figureStarts].sort((a, b) => a - b);
  let next = 0; // the first figure not yet behind the current sentence
  let from = skip;
  for (let i = skip; i <= line.length; i++) {
    if (i === line.length || SENTENCE_END.test(line[i])) {
      const text = line.slice(from, i + 1).trim();
      while (next < starts.length && starts[next] < from) next++;
      const hasFigure = next < starts.length && starts[next] <= i;
      if (cjkCount(text) >= 8) {
        const concrete =
          hasFigure || DATED.test(text) || NIL_OR_RESULT.test(text) || madeDocument(text);
        out.push({ text, concrete });
      }
      from = i + 1;
    }
  }
  return out;
}
