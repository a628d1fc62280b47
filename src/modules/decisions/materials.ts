/**
 * The materials the 决策承办单位 submits with a draft to the meeting (条例 Art 29), computed from the
 * case history: each item says whether it applies to this decision and whether it is on file. The
 * engine's gates (gates.ts) refuse the discussion while a required item is missing; this list is
 * what the agenda item, the decision page and the archive index show.
 */
import type { CaseEvent } from '../../core/procedure/engine.ts';

export interface MaterialItem {
  code: string;
  label: string;
  required: boolean;
  present: boolean;
  note: string;
}

const cn = (d: string) => d.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

export function materialsChecklist(history: CaseEvent[]): MaterialItem[] {
  const last = new Map<string, CaseEvent>();
  for (const e of history) last.set(e.type, e);
  const f = (last.get('start')?.data ?? {}) as Record<string, unknown>;
  const draft = last.get('draftPlan');
  const fair = last.get('fairCompetitionReview');
  const fairOk = !!fair && ['pass', 'passAfterRevision'].includes(String(fair.data?.conclusion));
  const participation = last.get('summarizeParticipation');
  const expert = last.get('expertAdoption');
  const risk = last.get('riskAssessment');
  const review = last.get('concludeLegalReview');
  const submitted = last.get('submitLegalReview');
  const reviewOk =
    !!review &&
    (!submitted || review.seq > submitted.seq) &&
    review.data?.conclusion !== 'unlawful';
  const items: MaterialItem[] = [
    {
      code: 'draft',
      label: f.concernsMarket ? '决策草案及相关材料（含公平竞争审查情况）' : '决策草案及相关材料',
      required: true,
      present: !!draft && (!f.concernsMarket || fairOk),
      note: draft
        ? `第${String(draft.data?.version ?? 1)}稿，${cn(draft.on)}${f.concernsMarket ? (fairOk ? '；公平竞争审查已通过' : '；缺公平竞争审查') : ''}`
        : '尚未拟订',
    },
    {
      code: 'participation',
      label: '社会公众提出的主要意见的研究采纳情况',
      required: !f.confidential,
      present: !!participation,
      note: participation
        ? cn(participation.on)
        : f.confidential
          ? '依法不予公开的决策事项，不适用'
          : '尚未形成',
    },
    {
      code: 'expert',
      label: '专家论证意见的研究采纳情况',
      required: !!f.technical || last.has('expertOpinion'),
      present: !!expert,
      note: expert
        ? cn(expert.on)
        : f.technical || last.has('expertOpinion')
          ? '尚未形成'
          : '未履行专家论证程序，不适用',
    },
    {
      code: 'risk',
      label: '风险评估报告',
      required: !!f.riskRelevant || !!risk,
      present: !!risk && risk.data?.controllable !== 'uncontrollable',
      note: risk
        ? `${cn(risk.on)}，${risk.data?.controllable === 'uncontrollable' ? '结论为风险不可控' : '风险可控'}`
        : f.riskRelevant
          ? '尚未评估'
          : '未履行风险评估程序，不适用',
    },
    {
      code: 'legal',
      label: '合法性审查意见',
      required: true,
      present: reviewOk,
      note: review
        ? `${cn(review.on)}，${reviewOk ? '审查通过' : review.data?.conclusion === 'unlawful' ? '审查结论为不合法' : '修改后重新送审中'}`
        : '尚未审查',
    },
  ];
  return items;
}

/** One line per item for the agenda record: "✓ 决策草案…（第2稿…）". */
export const materialsText = (items: MaterialItem[]) =>
  items
    .map((m) => `${m.present ? '✓' : m.required ? '✗' : '—'} ${m.label}（${m.note}）`)
    .join('\n');
