/**
 * The request and response schemas of the 学法普法 staff API (routes.ts). The responses document the
 * records as stored, their fields declared by the request bodies (a code list becomes the stored
 * code); the reply is serialised as the service returns it, so nothing is stripped.
 */
import { z } from 'zod';
import { isoDate } from '../../core/http/validate.ts';
import { labelsReply, noContent } from '../../core/http/replies.ts';
import { fieldReply } from '../../core/http/forms.ts';
import { MAX_TOPICS, QUARTERS, STUDY_KINDS, TOPIC_FIELDS } from './sessions.ts';
import { CAMPAIGNS } from './pufa.ts';
import { STUDY_FORMS } from './forms.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';

const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const keys = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const yearField = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
export const yearQuery = z.object({ year: yearField() });
export const idParams = z.object({ id: z.uuid().describe('编号') });

// 登记学法 and 登记述法 are the declared forms (forms.ts); a 述法 entry carries the year the page shows.
export const sessionBody = fieldsSchema(STUDY_FORMS.session);
export const statementBody = fieldsSchema(STUDY_FORMS.statement).extend({
  year: z.number().int().min(2000).max(2100).describe('述法年度'),
});
const { quarter: quarterField, topic: topicField } = TOPIC_FIELDS;
const quarterNos = Object.keys(QUARTERS).map(Number);
const topicList = z
  .array(
    z.object({
      quarter: z
        .number()
        .int()
        .min(Math.min(...quarterNos))
        .max(Math.max(...quarterNos))
        .describe(quarterField.label),
      topic: text(topicField.label, topicField.max, topicField.min),
    }),
  )
  .max(MAX_TOPICS)
  .describe('学习安排');
export const topicsBody = z.object({ year: yearField('计划年度'), topics: topicList });
export const planBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('计划年度'),
  title: text('计划名称', 100, 4),
  issuedOn: isoDate('印发日期'),
  preMeetingTarget: z.number().int().min(0).max(52).describe('会前学法次数目标'),
  trainingHoursTarget: z.number().int().min(0).max(500).describe('年度培训学时目标'),
  topics: topicList.optional(),
});
const people = (label: string) =>
  z
    .array(text(label, 40, 2))
    .min(1)
    .max(2000)
    .describe(label);
export const trainingBody = z.object({
  heldOn: isoDate('培训日期'),
  title: text('培训名称', 200, 2),
  organizer: text('主办单位', 100).default(''),
  hoursPerPerson: z.number().min(0.5).max(200).describe('人均学时'),
  participants: people('参训人员'),
});
export const examBody = z.object({
  heldOn: isoDate('考试日期'),
  title: text('考试名称', 200, 2),
  maxScore: z.number().int().min(1).max(1000).describe('满分'),
  passScore: z.number().int().min(0).max(1000).describe('合格分数'),
  results: z
    .array(
      z.object({
        person: text('应考人员', 40, 2),
        score: z.number().min(0).nullable().describe('成绩'),
      }),
    )
    .min(1)
    .max(2000)
    .describe('考试成绩'),
});
export const dutyBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('清单年度'),
  title: text('普法事项', 200, 2),
  content: text('工作内容', 2000).default(''),
  owner: text('责任科室', 60, 2),
  dueOn: isoDate('完成期限'),
  assignedOn: isoDate('下达日期').optional(),
});
export const completeBody = z.object({
  completedOn: isoDate('完成日期'),
  evidence: text('完成佐证', 2000, 4),
});
export const eventBody = z.object({
  heldOn: isoDate('活动日期'),
  campaign: z.enum(keys(CAMPAIGNS)).describe('活动类别'),
  title: text('活动名称', 200, 2),
  location: text('活动地点', 100).default(''),
  audience: z.number().int().min(0).max(10_000_000).describe('受众人数'),
});

export const reportQuery = yearQuery.extend({
  kind: z.enum(keys(STUDY_KINDS)).optional().describe('学法形式'),
  ledByHead: z.enum(['true']).optional().describe('主要负责人主持或讲授'),
});
export const hoursQuery = yearQuery.extend({
  below: z.coerce.number().min(0).max(500).optional().describe('学时标准'),
});
export const dutiesQuery = yearQuery.extend({
  late: z.enum(['true', 'false']).optional().describe('逾期'),
});
export const recordParams = z.object({
  kind: z.enum(['session', 'statement']).describe('类别'),
  id: z.uuid().describe('编号'),
});

// Responses: the records as stored, their fields declared by the bodies above (a code list becomes the
// stored code). The reply is serialised as the service returns it: nothing is stripped.
const code = (label: string) => z.string().describe(label);
const row = <T extends z.ZodRawShape>(label: string, shape: T) =>
  z.looseObject({ id: z.uuid().describe('编号'), ...shape }).describe(label);
const sessionRow = row('学法记录', { ...sessionBody.shape, kind: code('学法形式') });
const statementRow = row('述法记录', {
  ...statementBody.shape,
  rank: code('身份'),
  form: code('述法形式'),
});
const planRow = row('学法计划', {
  ...planBody.shape,
  topics: z.array(z.object({ quarter: z.number().int(), topic: z.string() })).describe('学习安排'),
});
export const trainingRow = row('培训记录', trainingBody.shape);
export const examRow = row('考试记录', {
  ...examBody.shape,
  expected: z.number().int().describe('应考人数'),
  took: z.number().int().describe('实考人数'),
  passed: z.number().int().describe('合格人数'),
  participationRate: z.number().describe('参考率（%）'),
  passRate: z.number().describe('合格率（%）'),
});
export const dutyRow = row('普法责任清单事项', {
  ...dutyBody.shape,
  completedOn: z.string().nullable().describe('完成日期'),
  evidence: z.string().nullable().describe('完成佐证'),
  onTime: z.boolean().nullable().describe('按期完成'),
  overdue: z.boolean().describe('逾期未完成'),
});
export const eventRow = row('普法活动', { ...eventBody.shape, campaign: code('活动类别') });
export const hoursRow = z.object({
  person: z.string().describe('人员'),
  hours: z.number().describe('学时'),
  trainings: z.number().int().describe('培训次数'),
});
const quarterRow = z.object({
  quarter: z.number().int().describe('季度'),
  label: z.string().describe('季度'),
  topics: z.array(z.string()).describe('学习内容'),
  preMeetingHeld: z.number().int().describe('会前学法次数'),
});
const studyLabels = {
  kinds: labelsReply('学法形式'),
  forms: labelsReply('述法形式'),
  ranks: labelsReply('身份'),
};
const studyYear = {
  sessions: z.array(sessionRow),
  statements: z.array(statementRow),
  plan: planRow.nullable(),
  quarters: z.array(quarterRow).describe('各季度学习安排和会前学法'),
};
export const reportReply = z.object({
  ...studyYear,
  ...studyLabels,
  recordForms: z
    .object({ session: z.array(fieldReply), statement: z.array(fieldReply) })
    .describe('登记学法、登记述法的表单'),
});
export const overviewReply = z.object({
  ...studyYear,
  ...studyLabels,
  trainings: z.array(trainingRow),
  exams: z.array(examRow),
  duties: z.array(dutyRow),
  events: z.array(eventRow),
  hours: z.array(hoursRow).describe('人均学时'),
  campaigns: labelsReply('活动类别'),
  topicFields: z
    .array(z.looseObject({ name: z.string(), label: z.string() }))
    .describe('学习安排的字段'),
  maxTopics: z.number().int().describe('学习安排最多条数'),
});
export const idReply = z.object({ id: z.uuid().describe('编号') });
export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const deleted = { 204: noContent };
