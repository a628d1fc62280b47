/**
 * Classifies a figure found in prose into the report area it belongs to and, where Fazhi computes the
 * same thing from its records, into that Fact key (the facts.ts of each module). A module that adds
 * facts adds its rule here; a figure with no matching rule keeps its area only.
 */
import type { ReportArea } from '../../../core/facts.ts';
import type { RawFigure } from './figures.ts';

interface Rule {
  key: string;
  /** As the fact names itself (its `label`), for the workbench. */
  label: string;
  area: ReportArea;
  units: string[];
  /** Must match the figure's clause. */
  clause: RegExp;
  /** Must match the clause or the sentence before it (the figure's subject is often named earlier). */
  context?: RegExp;
  /** Must not match the clause. */
  not?: RegExp;
}

const NORMATIVE = /规范性文件/;

/** The first matching rule wins: specific before general. */
const RULES: Rule[] = [
  {
    key: 'documents.evaluated',
    label: '完成后评估的规范性文件',
    area: 'documents',
    units: ['件', '个', '份', '项'],
    clause: /后评估/,
    context: NORMATIVE,
  },
  {
    key: 'documents.abolished',
    label: '本年废止规范性文件',
    area: 'documents',
    units: ['件', '个', '份'],
    clause: /废止/,
    context: NORMATIVE,
  },
  {
    key: 'documents.expired',
    label: '本年失效规范性文件',
    area: 'documents',
    units: ['件', '个', '份'],
    clause: /失效/,
    context: NORMATIVE,
  },
  {
    key: 'documents.inForce',
    label: '现行有效规范性文件',
    area: 'documents',
    units: ['件', '个', '份'],
    clause: /现行有效|有效(?:的)?(?:规范性)?文件|继续有效/,
    context: NORMATIVE,
  },
  {
    key: 'documents.filedOnTime',
    label: '按期报送备案',
    area: 'documents',
    units: ['件', '个', '份'],
    clause: /(按期|按时|及时).{0,6}备案/,
    context: NORMATIVE,
  },
  {
    key: 'documents.comments',
    label: '征求意见收到意见',
    area: 'documents',
    units: ['条', '件'],
    clause: /(收到|征集|提出).{0,8}(意见|建议)/,
    context: /规范性文件.{0,20}征求意见|征求意见.{0,20}规范性文件/,
  },
  // The clause itself must name 规范性文件: "对我局印发的75份文件进行了审理" (seed 003) counts all documents.
  {
    key: 'documents.issued',
    label: '本年制发规范性文件',
    area: 'documents',
    units: ['件', '个', '份', '部'],
    clause: /(出台|制发|印发|制定|发布).{0,12}规范性文件|规范性文件.{0,6}(出台|制发|印发)/,
    not: /清理|废止|失效|有效|评估|审查|审核|征求|备案/,
  },
  {
    key: 'reviews.opinions',
    label: '提出法审意见',
    area: 'decisions',
    units: ['条'],
    clause: /法审意见|审查意见|审核意见|法律意见/,
  },
  {
    key: 'reviews.matters',
    label: '完成合法性审查事项',
    area: 'decisions',
    units: ['个', '件', '项'],
    clause: /事项/,
    context: /法审|合法性审查|合法性审核|审核事项|审查事项/,
  },
  // 领导干部学法 (RULES §10.1): 中心组学法, 会前学法, 法治讲座 — not staff training (培训).
  {
    key: 'study.sessions',
    label: '组织学法',
    area: 'firstResponsible',
    units: ['次', '场', '期'],
    clause: /中心组|会前学法|法治讲座|专题讲座|学法/,
    not: /培训|考试|执法/,
  },
  {
    key: 'disclosure.publications.timelyRate',
    label: '主动公开及时率',
    area: 'disclosure',
    units: ['%'],
    clause: /公开.{0,6}及时率|及时公开率/,
  },
  {
    key: 'disclosure.publications.total',
    label: '主动公开政府信息',
    area: 'disclosure',
    units: ['条', '件', '篇'],
    clause: /主动公开.{0,10}信息|公开政府信息/,
  },
  {
    key: 'disclosure.requests.answeredOnTime',
    label: '依申请公开按期答复率',
    area: 'disclosure',
    units: ['%'],
    clause: /(按期|按时|依法).{0,4}答复率/,
    context: /申请/,
  },
  {
    key: 'disclosure.requests.received',
    label: '收到政府信息公开申请',
    area: 'disclosure',
    units: ['件', '宗', '个'],
    clause: /依申请|信息公开申请|公开申请/,
    not: /逾期/,
  },
];

const AREAS: [ReportArea, RegExp][] = [
  ['documents', /规范性文件/],
  ['reconsideration', /复议|诉讼|应诉|出庭/],
  ['decisions', /决策|法律顾问|公职律师|法审|合法性审查|集体讨论/],
  ['enforcement', /执法|行政检查|现场检查|处罚|双随机|监管/],
  ['functions', /审批|许可|放管服|权责清单|政务服务|营商环境|简政放权/],
  ['disputes', /12345|热线|留言|信访|来信来访|投诉|矛盾纠纷|调解|咨询/],
  ['disclosure', /公开|信息发布|政策解读|解读材料/],
  ['legalEducation', /学法|普法|培训|考试|讲座|法治宣传|宣传/],
  ['firstResponsible', /第一责任人|述法|述职/],
];

/** `inFirstResponsiblePart`: figures of part (三) belong to that part whatever they count. */
export function classify(
  f: RawFigure,
  inFirstResponsiblePart = false,
): { indicator: string | null; area: ReportArea } {
  const rule = RULES.find(
    (r) =>
      r.units.includes(f.unit) &&
      r.clause.test(f.clause) &&
      (!r.context || r.context.test(f.clause) || r.context.test(f.context)) &&
      !(r.not && r.not.test(f.clause)),
  );
  if (rule) return { indicator: rule.key, area: rule.area };
  if (inFirstResponsiblePart) return { indicator: null, area: 'firstResponsible' };
  const area =
    AREAS.find(([, re]) => re.test(f.clause))?.[0] ??
    AREAS.find(([, re]) => re.test(f.sentence))?.[0] ??
    'other';
  return { indicator: null, area };
}

/** Every Fact key the analyser can recognise (tests check each one exists among the registered facts). */
export const RECOGNISED_KEYS = [...new Set(RULES.map((r) => r.key))];
export const INDICATOR_LABELS: Record<string, string> = Object.fromEntries(
  RULES.map((r) => [r.key, r.label]),
);
