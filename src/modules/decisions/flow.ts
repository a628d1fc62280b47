/**
 * 决策运行流程图: the statutory stages of a major decision in order, each marked done / current /
 * pending / not applicable (with the reason) / optional, computed from the case history and the
 * engine's state (never re-implemented by the UI). Pure: the workbench, the portal and the archive
 * index show the same chart.
 */
import type { CaseEvent, CaseState, ProcedureDef } from '../../core/procedure/engine.ts';

export type FlowState = 'done' | 'current' | 'pending' | 'notApplicable' | 'optional' | 'ended';

export const FLOW_STATE_LABELS: Record<FlowState, string> = {
  done: '已完成',
  current: '当前环节',
  pending: '待办理',
  notApplicable: '不适用',
  optional: '视情况启动',
  ended: '未进行',
};

export interface FlowNode {
  code: string;
  label: string;
  basis: string;
  state: FlowState;
  stateLabel: string;
  /** Completion date, or why the stage does not apply. */
  note: string;
}

interface StageDef {
  code: string;
  label: string;
  basis: string;
  /** Open steps of the engine that belong to this stage. */
  steps: string[];
  /** The act that completes it. */
  doneBy: string[];
  /** Why the stage does not apply to this decision (undefined: it applies). */
  notApplicable?: (flags: Record<string, unknown>) => string | undefined;
  optional?: boolean;
}

const STAGES: StageDef[] = [
  { code: 'start', label: '决策启动', basis: '第十条、第十一条', steps: [], doneBy: ['start'] },
  {
    code: 'draftPlan',
    label: '拟订决策草案',
    basis: '第十二条、第十三条',
    steps: ['draftPlan'],
    doneBy: ['draftPlan'],
  },
  {
    code: 'participation',
    label: '公众参与',
    basis: '第十四条至第十八条',
    steps: ['participation', 'hearing'],
    doneBy: ['summarizeParticipation'],
    notApplicable: (f) => (f.confidential ? '依法不予公开的决策事项' : undefined),
  },
  {
    code: 'expertReview',
    label: '专家论证',
    basis: '第十九条至第二十一条',
    steps: ['expertReview'],
    doneBy: ['expertAdoption'],
    notApplicable: (f) => (f.technical ? undefined : '非专业性、技术性较强的事项'),
  },
  {
    code: 'riskAssessment',
    label: '风险评估',
    basis: '第二十二条至第二十四条',
    steps: ['riskAssessment'],
    doneBy: ['riskAssessment'],
    notApplicable: (f) => (f.riskRelevant ? undefined : '不涉及社会稳定、公共安全风险'),
  },
  {
    code: 'fairCompetitionReview',
    label: '公平竞争审查',
    basis: '第二十九条第一项',
    steps: ['fairCompetitionReview'],
    doneBy: ['fairCompetitionReview'],
    notApplicable: (f) => (f.concernsMarket ? undefined : '不涉及市场主体经济活动'),
  },
  {
    code: 'legalReview',
    label: '合法性审查',
    basis: '第二十五条至第二十八条',
    steps: ['submitLegalReview', 'legalReview'],
    doneBy: ['concludeLegalReview'],
  },
  {
    code: 'collectiveDecision',
    label: '集体讨论决定',
    basis: '第二十九条、第三十条',
    steps: ['submitToMeeting', 'collectiveDecision'],
    doneBy: ['collectiveDecision'],
  },
  {
    code: 'partyReport',
    label: '向同级党委请示报告',
    basis: '第三十一条',
    steps: ['partyReport'],
    doneBy: ['partyReport'],
    notApplicable: (f) => (f.partyReportRequired ? undefined : '按规定无需请示报告'),
  },
  {
    code: 'publish',
    label: '决策公布',
    basis: '第三十二条',
    steps: ['publish'],
    doneBy: ['publish', 'exemptPublication'],
  },
  { code: 'execution', label: '决策执行', basis: '第三十四条、第三十五条', steps: [], doneBy: [] },
  {
    code: 'postEvaluation',
    label: '决策后评估',
    basis: '第三十六条',
    steps: [],
    doneBy: ['postEvaluation'],
    optional: true,
  },
  {
    code: 'adjustment',
    label: '决策调整',
    basis: '第三十七条',
    steps: [],
    doneBy: ['adjust', 'suspend'],
    optional: true,
  },
];

const EXECUTING = ['implementing', 'suspended', 'readjusting'];
const cnDate = (d: string) => d.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

export function flowChart(proc: ProcedureDef, history: CaseEvent[], state: CaseState): FlowNode[] {
  const last = new Map<string, CaseEvent>();
  for (const e of history) last.set(e.type, e);
  const flags = (last.get('start')?.data ?? {}) as Record<string, unknown>;
  const open = new Set(state.openSteps.map((s) => s.step));
  const final = !!proc.statuses.find((s) => s.code === state.status)?.final;
  // A stage is done when its act happened (the legality review only when the latest finding allows discussion).
  const doneOn = (s: StageDef): string | undefined => {
    if (s.code === 'legalReview') {
      const c = last.get('concludeLegalReview');
      const sub = last.get('submitLegalReview');
      return c && (!sub || c.seq > sub.seq) && c.data?.conclusion !== 'unlawful' ? c.on : undefined;
    }
    if (s.code === 'collectiveDecision') {
      const d = last.get('collectiveDecision');
      return d && ['adopted', 'adoptedWithRevision'].includes(String(d.data?.decision))
        ? d.on
        : undefined;
    }
    if (s.code === 'riskAssessment') {
      const r = last.get('riskAssessment');
      return r && r.data?.controllable !== 'uncontrollable' ? r.on : undefined;
    }
    const hits = s.doneBy.map((a) => last.get(a)).filter((e): e is CaseEvent => !!e);
    return hits.length ? hits.sort((a, b) => b.seq - a.seq)[0].on : undefined;
  };
  return STAGES.map((s) => {
    const node = (st: FlowState, note = ''): FlowNode => ({
      code: s.code,
      label: s.label,
      basis: `条例${s.basis}`,
      state: st,
      stateLabel: FLOW_STATE_LABELS[st],
      note,
    });
    const on = doneOn(s);
    if (s.code === 'execution') {
      if (EXECUTING.includes(state.status)) return node('current', state.statusLabel);
      return last.has('publish') || last.has('exemptPublication')
        ? node('done', state.statusLabel)
        : node(final ? 'ended' : 'pending');
    }
    if (on && !s.steps.some((x) => open.has(x))) return node('done', `${cnDate(on)}完成`);
    if (s.steps.some((x) => open.has(x)))
      return node('current', on ? `${cnDate(on)}曾完成，需重新办理` : '');
    const why = s.notApplicable?.(flags);
    if (why) return node('notApplicable', why);
    if (s.optional) return node(final && !on ? 'ended' : 'optional');
    return node(final ? 'ended' : 'pending');
  });
}
