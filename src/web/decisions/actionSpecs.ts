// The forms of a decision's steps: which endpoint each posts to and how its values become the body.
// What is offered comes from the server (abilities, the engine's allowed actions); nothing here decides it.
import type { ActionField } from '../lib/types.ts';
import type { StepField } from './StepModal.tsx';
import { filled, formBody } from '../lib/forms.ts';
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
  const f = d.forms;
  const out: Spec[] = [];
  if (a.saveDraft)
    out.push({
      key: 'draft',
      title: d.decision.draftVersion ? '修改决策草案' : '拟订决策草案',
      path: '/draft',
      primary: !d.decision.draftVersion,
      fields: [
        ...filled([f.draftText], { initial: { draftText: d.decision.draftText || undefined } }),
        // The draftPlan act's fields as the server declares them (labels, limits, hints).
        ...serverFields(d, 'draftPlan').filter((x) => x.name !== 'version'),
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
      fields: filled(f.comment, { initial: { startOn: today(d) } }),
      body: (v) => v,
    });
  if (a.summarizeParticipation)
    out.push({
      key: 'participation',
      title: '公众意见研究采纳情况',
      path: '/participation',
      fields: f.participation,
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
      fields: f.legalReview,
      body: plain,
    });
  if (a.submitToMeeting)
    out.push({
      key: 'meeting',
      title: '提请集体讨论',
      path: '/meeting',
      primary: true,
      files: false,
      fields: filled(f.meeting, { initial: { isPublic: 'false' } }),
      body: (v) => formBody(f.meeting)(v),
    });
  if (a.decide)
    out.push({
      key: 'decide',
      title: '集体讨论决定',
      path: '/decision',
      primary: true,
      fields: filled(f.decide, { initial: { differsFromMajority: 'false' } }),
      body: formBody(f.decide),
    });
  if (a.publish)
    out.push({
      key: 'publish',
      title: '公布决策',
      path: '/publish',
      primary: true,
      // The text published is the adopted one, confirmed here (条例第三十二条); prefilled with the latest draft to check.
      fields: filled(f.publish, { initial: { adoptedText: d.decision.draftText || undefined } }),
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
      fields: f.adjust,
      body: plain,
    });
  return out;
}
