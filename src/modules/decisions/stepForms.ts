/**
 * The fields of the decision page's step forms that post to routes of their own (征求意见, 公众参与,
 * 合法性审查, 集体讨论, 公布, 调整), declared once: each route's body is derived from them
 * (fieldsSchema), the decision view sends them to the web form, and the OpenAPI document and the
 * field-named error messages take their labels and limits from them.
 */
import { choice, date, long, ref, sized, text, yes } from '../../core/procedure/fields.ts';
import { DISPOSITION_FORM } from '../consultation/index.ts';

/** 决策草案 (Art 12): the text itself; the draftPlan act's own fields follow it (DRAFT_PLAN_FIELDS). */
export const DRAFT_TEXT = sized(long('draftText', '决策草案', true), 200_000, 1);

export const STEP_FORMS = {
  // Art 15: the comment period, generally not less than 30 days; a shorter one says why.
  comment: [
    date('startOn', '征求意见开始日期'),
    { ...date('endOn', '征求意见截止日期'), help: '一般不少于30日（条例第十五条）' },
    sized(text('channel', '发布渠道'), 200),
    sized(
      long('shortenedReason', '缩短期限的理由', false, '不足30日的，理由将在征求意见公告中说明'),
      2000,
    ),
  ],
  participation: [
    sized(long('adoptionSummary', '社会公众主要意见的研究采纳情况', true), 20_000, 2),
  ],
  // Art 26: the materials sent for review, and the time the review needs (generally ≥ 7 working days).
  legalReview: [
    sized(
      long(
        'materials',
        '送审材料说明',
        true,
        '决策草案及相关材料，包括法律、法规、规章等依据和履行决策法定程序的说明（条例第二十六条）',
      ),
      20_000,
      2,
    ),
    {
      ...date('requestedBy', '要求审查完成日期'),
      help: '应当保证必要的审查时间，一般不少于7个工作日',
    },
  ],
  // The meetings offered are the department's upcoming ones (filled in by the view).
  meeting: [
    ref('meetingId', '会议'),
    { ...yes('isPublic', '议题是否向社会公开'), required: false },
    sized(long('publicSummary', '公开的议题说明'), 2000),
  ],
  // Art 30: the members' opinions, the head's opinion given last, the dissent recorded as it was.
  decide: [
    ref('meetingId', '会议'),
    sized(long('discussion', '会议组成人员发表意见情况', true), 20_000, 2),
    sized(long('headOpinion', '行政首长意见（最后发表）', true), 5000, 1),
    yes('differsFromMajority', '行政首长的决定是否与多数人意见不一致'),
    sized(long('differenceReason', '在会上说明的理由'), 5000),
    sized(
      long('dissent', '不同意见', true, '如实载明不同意见；没有的填写“无”（条例第三十条）'),
      10_000,
      1,
    ),
    choice(
      'decision',
      '决定',
      ['adopted', '审议通过'],
      ['adoptedWithRevision', '原则通过，修改后实施'],
      ['deferred', '暂缓决定，修改后再议'],
      ['rejected', '不予通过'],
    ),
    // Art 34: an adopted decision names the unit that carries it out.
    sized(
      text(
        'executionUnit',
        '决策执行单位',
        false,
        '通过的，应当明确决策执行单位（条例第三十四条）',
      ),
      100,
    ),
  ],
  // Art 32: the text published is the adopted one, with the adoption of opinions and the 解读.
  publish: [
    sized(
      long(
        'adoptedText',
        '决策文本（通过稿）',
        true,
        '请核对为集体讨论决定通过的文本；“征求意见稿”等标注应当删去',
      ),
      200_000,
      1,
    ),
    sized(long('adoptionExplanation', '公众意见、专家论证意见的采纳情况说明', true), 20_000, 2),
    sized(long('interpretation', '解读', true, '与决策同步发布，不少于20字'), 50_000, 1),
    sized(text('interpretationForm', '解读方式', false, '新闻发布会、接受访谈、图文解读等'), 100),
    sized(text('channel', '公布途径', false, '默认：门户网站重大行政决策栏目'), 200),
    sized(text('keywords', '关键词'), 200),
  ],
  // Art 37: adjusting or stopping a decision is itself decided by the procedure that made it.
  adjust: [
    choice(
      'kind',
      '调整类型',
      ['minor', '一般调整'],
      ['major', '重大调整（重新履行决策程序）'],
      ['stop', '停止执行'],
    ),
    sized(long('reason', '调整理由及依据', true), 10_000, 2),
    sized(
      text(
        'decidedAt',
        '作出决定的会议',
        true,
        '未经法定程序不得随意变更或者停止执行（条例第三十七条）',
      ),
      200,
      2,
    ),
    sized(
      text('revisionTitle', '调整后的决策事项名称', false, '重大调整时填写，将启动新的决策程序'),
      200,
      4,
    ),
  ],
  // The handling of one public comment, with the reason where it is not adopted (Art 16).
  disposition: DISPOSITION_FORM,
  // Materials added or corrected after the fact keep the original and say why (Art 39 archive).
  evidence: [
    choice(
      'kind',
      '所属环节',
      ['other', '其他材料'],
      ['draftPlan', '拟订决策草案'],
      ['summarizeParticipation', '公众参与'],
      ['expertOpinion', '专家论证'],
      ['riskAssessment', '风险评估'],
      ['submitLegalReview', '合法性审查'],
      ['collectiveDecision', '集体讨论决定'],
      ['publish', '决策公布'],
      ['executionReport', '决策执行'],
      ['postEvaluation', '决策后评估'],
    ),
    sized(text('title', '材料名称', true), 200, 2),
    sized(long('body', '内容'), 200_000),
    {
      ...ref('supersedesId', '更正的材料'),
      required: false,
      help: '更正时原材料保留不变，新材料另行编号',
    },
    sized(
      long('note', '补充或更正理由', false, '决策作出后补充材料或更正材料的，应当说明理由'),
      2000,
    ),
  ],
};

export type StepForm = keyof typeof STEP_FORMS;
