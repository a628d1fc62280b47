// The forms of a decision's steps: which endpoint each posts to and how its values become the body.
// What is offered comes from the server (abilities, the engine's allowed actions); nothing here decides it.
import type { ActionField } from '../lib/types.ts';
import type { StepField } from './StepModal.tsx';
import { bool, YES_NO } from './StepModal.tsx';
import type { DecisionPayload } from './types.ts';

export interface Spec {
  key: string;
  title: string;
  path: string;
  fields: StepField[];
  files?: boolean;
  primary?: boolean;
  body: (v: Record<string, unknown>, fileIds: string[]) => unknown;
}

const plain = (v: Record<string, unknown>, fileIds: string[]) => ({ ...v, fileIds });
const today = (d: DecisionPayload) => d.procedure.today;
/** The fields of an engine action as the server declares them (labels, limits, options, hints). */
const serverFields = (d: DecisionPayload, action: string): StepField[] =>
  d.procedure.actions.find((a) => a.action === action)?.fields ?? [];

export function actionSpecs(d: DecisionPayload): Spec[] {
  const a = d.abilities;
  const out: Spec[] = [];
  if (a.saveDraft)
    out.push({
      key: 'draft',
      title: d.decision.draftVersion ? '修改决策草案' : '拟订决策草案',
      path: '/draft',
      primary: !d.decision.draftVersion,
      fields: [
        {
          name: 'draftText',
          label: '决策草案',
          type: 'textarea',
          required: true,
          initial: d.decision.draftText || undefined,
        },
        // The draftPlan act's fields as the server declares them (labels, limits, hints).
        ...serverFields(d, 'draftPlan').filter((f) => f.name !== 'version'),
      ],
      body: plain,
    });
  if (a.openComment)
    out.push({
      key: 'comment',
      title: '向社会公开征求意见',
      path: '/comment/open',
      primary: true,
      files: false,
      fields: [
        { name: 'startOn', label: '开始日期', type: 'date', required: true, initial: today(d) },
        {
          name: 'endOn',
          label: '截止日期',
          type: 'date',
          required: true,
          help: '一般不少于30日（条例第十五条）',
        },
        { name: 'channel', label: '发布渠道' },
        {
          name: 'shortenedReason',
          label: '缩短期限的理由',
          type: 'textarea',
          help: '不足30日的，理由将在征求意见公告中说明',
        },
      ],
      body: (v) => v,
    });
  if (a.summarizeParticipation)
    out.push({
      key: 'participation',
      title: '公众意见研究采纳情况',
      path: '/participation',
      fields: [
        {
          name: 'adoptionSummary',
          label: '社会公众主要意见的研究采纳情况',
          type: 'textarea',
          required: true,
        },
      ],
      body: plain,
    });
  for (const x of a.formActions)
    out.push({
      key: x.action,
      title: x.label,
      path: '/act',
      fields: [
        { name: 'on', label: '办理日期', type: 'date', required: true, initial: today(d) },
        ...(x.fields as ActionField[]),
      ],
      body: ({ on, ...data }, fileIds) => ({ action: x.action, on, data, fileIds }),
    });
  if (a.submitLegalReview)
    out.push({
      key: 'review',
      title: '送请合法性审查',
      path: '/legal-review',
      primary: true,
      fields: [
        {
          name: 'materials',
          label: '送审材料说明',
          type: 'textarea',
          required: true,
          help: '决策草案及相关材料，包括法律、法规、规章等依据和履行决策法定程序的说明（条例第二十六条）',
        },
        {
          name: 'requestedBy',
          label: '要求审查完成日期',
          type: 'date',
          required: true,
          help: '应当保证必要的审查时间，一般不少于7个工作日',
        },
      ],
      body: plain,
    });
  if (a.submitToMeeting)
    out.push({
      key: 'meeting',
      title: '提请集体讨论',
      path: '/meeting',
      primary: true,
      files: false,
      fields: [
        {
          name: 'meetingId',
          label: '会议',
          type: 'select',
          required: true,
          options: d.choices.upcomingMeetings.map((m) => ({
            value: m.id,
            label: `${m.name}（${m.meetingOn}）`,
          })),
          help: d.choices.upcomingMeetings.length
            ? undefined
            : '没有待召开的会议，请先在“会议议题”中安排会议',
        },
        {
          name: 'isPublic',
          label: '议题是否向社会公开',
          type: 'select',
          options: YES_NO,
          initial: 'false',
        },
        { name: 'publicSummary', label: '公开的议题说明', type: 'textarea' },
      ],
      body: (v) => ({ ...v, isPublic: bool(v.isPublic) }),
    });
  if (a.decide)
    out.push({
      key: 'decide',
      title: '集体讨论决定',
      path: '/decision',
      primary: true,
      fields: [
        {
          name: 'meetingId',
          label: '会议',
          type: 'select',
          required: true,
          options: d.choices.heldMeetings.map((m) => ({
            value: m.id,
            label: `${m.name}（${m.meetingOn}）`,
          })),
        },
        { name: 'discussion', label: '会议组成人员发表意见情况', type: 'textarea', required: true },
        {
          name: 'headOpinion',
          label: '行政首长意见（最后发表）',
          type: 'textarea',
          required: true,
        },
        {
          name: 'differsFromMajority',
          label: '行政首长的决定是否与多数人意见不一致',
          type: 'select',
          required: true,
          options: YES_NO,
          initial: 'false',
        },
        { name: 'differenceReason', label: '在会上说明的理由', type: 'textarea' },
        {
          name: 'dissent',
          label: '不同意见',
          type: 'textarea',
          required: true,
          help: '如实载明不同意见；没有的填写“无”（条例第三十条）',
        },
        {
          name: 'decision',
          label: '决定',
          type: 'select',
          required: true,
          options: [
            { value: 'adopted', label: '审议通过' },
            { value: 'adoptedWithRevision', label: '原则通过，修改后实施' },
            { value: 'deferred', label: '暂缓决定，修改后再议' },
            { value: 'rejected', label: '不予通过' },
          ],
        },
        {
          name: 'executionUnit',
          label: '决策执行单位',
          help: '通过的，应当明确决策执行单位（条例第三十四条）',
        },
      ],
      body: (v, fileIds) => ({ ...v, differsFromMajority: bool(v.differsFromMajority), fileIds }),
    });
  if (a.publish)
    out.push({
      key: 'publish',
      title: '公布决策',
      path: '/publish',
      primary: true,
      fields: [
        // The text published is the adopted one, confirmed here (条例第三十二条); prefilled with the latest draft to check.
        {
          name: 'adoptedText',
          label: '决策文本（通过稿）',
          type: 'textarea',
          required: true,
          initial: d.decision.draftText || undefined,
          help: '请核对为集体讨论决定通过的文本；“征求意见稿”等标注应当删去',
        },
        {
          name: 'adoptionExplanation',
          label: '公众意见、专家论证意见的采纳情况说明',
          type: 'textarea',
          required: true,
        },
        {
          name: 'interpretation',
          label: '解读',
          type: 'textarea',
          required: true,
          help: '与决策同步发布，不少于20字',
        },
        { name: 'interpretationForm', label: '解读方式', help: '新闻发布会、接受访谈、图文解读等' },
        { name: 'channel', label: '公布途径', help: '默认：门户网站重大行政决策栏目' },
        { name: 'keywords', label: '关键词' },
      ],
      body: plain,
    });
  if (a.postEvaluation)
    out.push({
      key: 'evaluation',
      title: '决策后评估',
      path: '/post-evaluation',
      fields: [
        { name: 'on', label: '评估日期', type: 'date', required: true, initial: today(d) },
        ...serverFields(d, 'postEvaluation'),
      ],
      body: ({ on, ...data }, fileIds) => ({ on, data, fileIds }),
    });
  if (a.adjust)
    out.push({
      key: 'adjust',
      title: '决策调整',
      path: '/adjust',
      fields: [
        {
          name: 'kind',
          label: '调整类型',
          type: 'select',
          required: true,
          options: [
            { value: 'minor', label: '一般调整' },
            { value: 'major', label: '重大调整（重新履行决策程序）' },
            { value: 'stop', label: '停止执行' },
          ],
        },
        { name: 'reason', label: '调整理由及依据', type: 'textarea', required: true },
        {
          name: 'decidedAt',
          label: '作出决定的会议',
          required: true,
          help: '未经法定程序不得随意变更或者停止执行（条例第三十七条）',
        },
        {
          name: 'revisionTitle',
          label: '调整后的决策事项名称',
          help: '重大调整时填写，将启动新的决策程序',
        },
      ],
      body: plain,
    });
  return out;
}

export const STAGES = [
  { value: 'other', label: '其他材料' },
  { value: 'draftPlan', label: '拟订决策草案' },
  { value: 'summarizeParticipation', label: '公众参与' },
  { value: 'expertOpinion', label: '专家论证' },
  { value: 'riskAssessment', label: '风险评估' },
  { value: 'submitLegalReview', label: '合法性审查' },
  { value: 'collectiveDecision', label: '集体讨论决定' },
  { value: 'publish', label: '决策公布' },
  { value: 'executionReport', label: '决策执行' },
  { value: 'postEvaluation', label: '决策后评估' },
];
