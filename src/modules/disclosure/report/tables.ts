/**
 * The statutory tables of the 政府信息公开工作年度报告 in the 2021 format (国办公开办函〔2021〕30号,
 * RULES §5.6) and their 勾稽 checks. Pure: the service counts, this file shapes and checks.
 */
import { DISCLOSURE_OUTCOMES } from '../outcomes.ts';

// ---------- table 三 ----------

/** The six applicant columns (自然人 + the five 法人或其他组织 sub-columns); 总计 is computed. */
export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'business',
  'research',
  'publicInterest',
  'legalService',
  'other',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const COLUMN_LABELS: Record<ApplicantColumn | 'total', string> = {
  naturalPerson: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
  total: '总计',
};

export interface Table3Row {
  /** 'received' | 'carriedIn' | an outcome code | 'resultTotal' | 'carriedOut'. */
  key: string;
  /** Row group printed to the left (e.g. "三、本年度办理结果" / "（三）不予公开"); '' for none. */
  section: string;
  group: string;
  label: string;
  /** 6 applicant columns then 总计. */
  cells: number[];
}

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Row keys of table 三 in printed order: 25 rows. */
export const TABLE3_KEYS = [
  'received',
  'carriedIn',
  ...DISCLOSURE_OUTCOMES.map((o) => o.code),
  'resultTotal',
  'carriedOut',
];

export type Counts = Partial<Record<ApplicantColumn, number>>;
export interface Table3Input {
  received: Counts;
  carriedIn: Counts;
  /** outcome code → counts by column (requests closed in the year). */
  results: Record<string, Counts>;
  carriedOut: Counts;
}

const six = (c: Counts | undefined) => APPLICANT_COLUMNS.map((k) => c?.[k] ?? 0);
const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];

/** Builds the 25 × 7 table from counts. The （七）总计 row is the sum of the 21 result rows. */
export function buildTable3(input: Table3Input): Table3Row[] {
  const results = DISCLOSURE_OUTCOMES.map((o) => {
    const single = o.code === 'disclose' || o.code === 'partial';
    const n = DISCLOSURE_OUTCOMES.filter((x) => x.group === o.group).indexOf(o) + 1;
    const label =
      o.code === 'disclose'
        ? '（一）予以公开'
        : o.code === 'partial'
          ? '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
          : `${n}.${o.label}`;
    return {
      key: o.code,
      section: '三、本年度办理结果',
      group: single ? '' : o.group,
      label,
      cells: withTotal(six(input.results[o.code])),
    };
  });
  const resultTotal = APPLICANT_COLUMNS.map((_, i) => results.reduce((a, r) => a + r.cells[i], 0));
  return [
    {
      key: 'received',
      section: '',
      group: '',
      label: '一、本年新收政府信息公开申请数量',
      cells: withTotal(six(input.received)),
    },
    {
      key: 'carriedIn',
      section: '',
      group: '',
      label: '二、上年结转政府信息公开申请数量',
      cells: withTotal(six(input.carriedIn)),
    },
    ...results,
    {
      key: 'resultTotal',
      section: '三、本年度办理结果',
      group: '',
      label: '（七）总计',
      cells: withTotal(resultTotal),
    },
    {
      key: 'carriedOut',
      section: '',
      group: '',
      label: '四、结转下年度继续办理',
      cells: withTotal(six(input.carriedOut)),
    },
  ];
}

export interface Violation {
  rule: 'balance' | 'resultTotal' | 'columnTotal' | 'carryOver' | 'table4Total';
  column?: string;
  row?: string;
  message: string;
}

const colLabel = (i: number) => COLUMN_LABELS[[...APPLICANT_COLUMNS, 'total' as const][i]];

/**
 * The 勾稽 identities: per column 一 + 二 = （七）总计 + 四; （七）总计 = the sum of the result rows;
 * per row 总计 = the six columns; and 二、上年结转 = last year's 四 when last year's table is known.
 */
export function checkTable3(rows: Table3Row[], lastYearCarriedOut?: number[]): Violation[] {
  const get = (key: string) => rows.find((r) => r.key === key)!.cells;
  const out: Violation[] = [];
  const [received, carriedIn, total, carriedOut] = [
    'received',
    'carriedIn',
    'resultTotal',
    'carriedOut',
  ].map(get);
  const resultRows = rows.filter(
    (r) => r.section === '三、本年度办理结果' && r.key !== 'resultTotal',
  );
  for (let i = 0; i < 7; i++) {
    const left = received[i] + carriedIn[i];
    const right = total[i] + carriedOut[i];
    if (left !== right)
      out.push({
        rule: 'balance',
        column: colLabel(i),
        message: `“${colLabel(i)}”列：第一项加第二项之和（${left}）不等于第三项加第四项之和（${right}）`,
      });
    const sum = resultRows.reduce((a, r) => a + r.cells[i], 0);
    if (sum !== total[i])
      out.push({
        rule: 'resultTotal',
        column: colLabel(i),
        message: `“${colLabel(i)}”列：（七）总计（${total[i]}）不等于各项办理结果之和（${sum}）`,
      });
    if (lastYearCarriedOut && lastYearCarriedOut[i] !== carriedIn[i]) {
      out.push({
        rule: 'carryOver',
        column: colLabel(i),
        message: `“${colLabel(i)}”列：上年结转（${carriedIn[i]}）与上年度报告“结转下年度继续办理”（${lastYearCarriedOut[i]}）不一致`,
      });
    }
  }
  for (const r of rows) {
    const sum = r.cells.slice(0, 6).reduce((a, b) => a + b, 0);
    if (sum !== r.cells[6])
      out.push({
        rule: 'columnTotal',
        row: r.label,
        message: `“${r.label}”行：总计（${r.cells[6]}）不等于六类申请人之和（${sum}）`,
      });
  }
  return out;
}

// ---------- table 二 ----------

export type Table2Key =
  'regulations' | 'normativeDocuments' | 'licensing' | 'penalty' | 'coercion' | 'fees';
export interface Table2Row {
  key: Table2Key;
  block: string;
  label: string;
  columns: string[];
  values: number[];
  source: 'module' | 'manual';
}

export const TABLE2_LAYOUT: Array<{
  key: Table2Key;
  block: string;
  label: string;
  columns: string[];
}> = [
  {
    key: 'regulations',
    block: '第二十条第（一）项',
    label: '规章',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
  },
  {
    key: 'normativeDocuments',
    block: '第二十条第（一）项',
    label: '行政规范性文件',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
  },
  {
    key: 'licensing',
    block: '第二十条第（五）项',
    label: '行政许可',
    columns: ['本年处理决定数量'],
  },
  { key: 'penalty', block: '第二十条第（六）项', label: '行政处罚', columns: ['本年处理决定数量'] },
  {
    key: 'coercion',
    block: '第二十条第（六）项',
    label: '行政强制',
    columns: ['本年处理决定数量'],
  },
  {
    key: 'fees',
    block: '第二十条第（八）项',
    label: '行政事业性收费',
    columns: ['本年收费金额（单位：万元）'],
  },
];

// ---------- table 四 ----------

export const TABLE4_GROUPS = [
  '行政复议',
  '行政诉讼（未经复议直接起诉）',
  '行政诉讼（复议后起诉）',
] as const;
export const TABLE4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/** Each group's 总计 = the sum of its four cells (15 cells in one row). */
export function checkTable4(cells: number[]): Violation[] {
  const out: Violation[] = [];
  TABLE4_GROUPS.forEach((g, i) => {
    const part = cells.slice(i * 5, i * 5 + 5);
    const sum = part[0] + part[1] + part[2] + part[3];
    if (sum !== part[4])
      out.push({
        rule: 'table4Total',
        column: g,
        message: `表四“${g}”：总计（${part[4]}）不等于四项之和（${sum}）`,
      });
  });
  return out;
}
