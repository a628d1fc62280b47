/**
 * The report template, a per-deployment setting kept by the 系统管理员 (like the calendar): the title,
 * the order and headings of the five parts, and the two deadlines. Not per oversight body: the
 * deadlines come from 厅字〔2019〕28号 as the province adapts it, so the departments of one deployment
 * share them, and an oversight body that could change them would change other cities' deadlines too. Defaults follow 厅字〔2019〕28号 (RULES §11): the parts in the
 * regulation's order; report by 3月1日 [V-loc], publish by 4月1日 (Art 24) [V]. Many local templates
 * put the 第一责任人 part second (seed 004): a deployment reorders the parts here.
 */
import { z } from 'zod';
import { changeSetting, defineSetting } from '../../core/settings/service.ts';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { PART_CODES, type PartCode } from './document.ts';

export const PART_LABELS: Record<PartCode, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  firstResponsible: '党政主要负责人履行推进法治建设第一责任人职责情况',
  plans: '下一年度主要安排',
  other: '其他需要报告的情况',
};

export const DEFAULT_PARTS: Array<{ code: PartCode; heading: string }> = [
  { code: 'measures', heading: '{year}年度推进法治政府建设的主要举措和成效' },
  { code: 'shortcomings', heading: '{year}年度推进法治政府建设存在的不足和原因' },
  {
    code: 'firstResponsible',
    heading: '{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  },
  { code: 'plans', heading: '{nextYear}年度推进法治政府建设的主要安排' },
  { code: 'other', heading: '其他需要报告的情况' },
];

const monthDay = (label: string) =>
  z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '格式应为“月-日”，如03-01')
    .describe(label);

export const reportTemplateSetting = defineSetting({
  key: 'reports.ruleOfLaw.template',
  label: '法治政府建设年度报告模板',
  schema: z.object({
    title: z.string().trim().min(2).max(100).describe('报告标题'),
    parts: z
      .array(
        z.object({
          code: z.enum(PART_CODES).describe('部分'),
          heading: z.string().trim().min(2).max(200).describe('部分标题'),
        }),
      )
      .length(5)
      .refine((ps) => new Set(ps.map((p) => p.code)).size === 5, '五个部分各出现一次')
      .describe('部分顺序和标题'),
    submitBy: monthDay('报送期限（次年月-日）'),
    publishBy: monthDay('公开期限（次年月-日）'),
    /** 会前学法 a year the local rule asks for (RULES §10.1: ≥ 1 per quarter). */
    studyPerYear: z.number().int().min(0).max(52).describe('每年学法次数要求'),
  }),
  defaults: {
    title: '{department}{year}年法治政府建设年度报告',
    parts: DEFAULT_PARTS,
    submitBy: '03-01',
    publishBy: '04-01',
    studyPerYear: 4,
  },
});
export type ReportTemplate = z.infer<typeof reportTemplateSetting.schema>;

export const fillTemplate = (s: string, v: { year: number; department: string }) =>
  s
    .replaceAll('{year}', String(v.year))
    .replaceAll('{nextYear}', String(v.year + 1))
    .replaceAll('{department}', v.department);

/** The deadlines of a report year: both fall in the following year. */
export const deadlinesOf = (t: ReportTemplate, year: number) => ({
  submitDueOn: `${year + 1}-${t.submitBy}`,
  publishDueOn: `${year + 1}-${t.publishBy}`,
});

/** Sets the template (system administrator only), audited (from → to) in the same transaction. */
export async function updateReportTemplate(
  ctx: Ctx,
  actor: Actor,
  value: ReportTemplate,
): Promise<void> {
  authorize(actor, 'ruleOfLawReport', 'template');
  await changeSetting(ctx, actor, reportTemplateSetting, 'reports.template', value);
}
