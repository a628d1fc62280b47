/** The 合法性审查 labels the workbench shows (GET /api/reviews/labels), from labels.ts. */
import { choicesOf, type LabelLists } from '../../core/http/labels.ts';
import {
  ADOPTION_LABELS,
  ADVISOR_KIND_LABELS,
  CONCLUSION_LABELS,
  MATTER_STATUS_LABELS,
  MATTER_TYPE_LABELS,
} from './labels.ts';
import { authorize } from './policy.ts';

export const reviewLabelLists: LabelLists = {
  summary: '合法性审查的办理状态、事项类型、审查结论、采纳情况和法律顾问类别',
  guard: (a) => authorize(a, 'reviewMatter', 'list'),
  lists: {
    statuses: { label: '办理状态', choices: choicesOf(MATTER_STATUS_LABELS) },
    matterTypes: { label: '事项类型', choices: choicesOf(MATTER_TYPE_LABELS) },
    conclusions: { label: '审查结论', choices: choicesOf(CONCLUSION_LABELS) },
    adoptions: { label: '采纳情况', choices: choicesOf(ADOPTION_LABELS) },
    advisorKinds: { label: '法律顾问类别', choices: choicesOf(ADVISOR_KIND_LABELS) },
  },
};
