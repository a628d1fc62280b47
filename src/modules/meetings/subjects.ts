/** What an agenda item may link to: a record of the meeting's own department, by type. */
import { AppError } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { departmentDecisionTitle } from '../decisions/index.ts';
import { departmentDocumentTitle, draftingDocuments } from '../documents/index.ts';
import { departmentMatters, departmentMatterTitle } from '../reviews/index.ts';
import { SUBJECT_LABELS, type SubjectType } from './labels.ts';

export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

// The records an agenda item may link to, by type: each must belong to the meeting's department (the
// owning module answers, through its index.ts).
type TitleOf = (db: DbOrTx, departmentId: string, id: string) => Promise<string | undefined>;
const SUBJECT_TITLES: Partial<Record<SubjectType, TitleOf>> = {
  majorDecision: departmentDecisionTitle,
  normativeDocument: departmentDocumentTitle,
  reviewMatter: departmentMatterTitle,
};

export async function checkSubject(
  tx: Tx,
  departmentId: string,
  type: SubjectType,
  id: string,
): Promise<void> {
  const titleOf = SUBJECT_TITLES[type];
  if (!titleOf)
    throw new AppError('VALIDATION', '关联事项：其他议题不关联事项', {
      fields: [{ path: 'subjectId', message: '其他议题不关联事项' }],
    });
  if ((await titleOf(tx, departmentId, id)) === undefined)
    throw new AppError('VALIDATION', `关联事项：本部门没有该${SUBJECT_LABELS[type]}`, {
      fields: [{ path: 'subjectId', message: '不存在' }],
    });
}

/**
 * The type of the department's record with this id (the form posts the chosen record alone; ids are
 * unique across modules). A record of none of the types is refused by the field's name.
 */
export async function subjectTypeOf(
  tx: Tx,
  departmentId: string,
  id: string,
): Promise<SubjectType> {
  for (const [type, titleOf] of Object.entries(SUBJECT_TITLES) as Array<[SubjectType, TitleOf]>)
    if ((await titleOf(tx, departmentId, id)) !== undefined) return type;
  return invalid('subjectId', '关联事项：本部门没有该事项');
}

/** What a plain topic may link to: the department's documents still being made and its open or recent review matters. */
export async function subjectChoices(db: DbOrTx, departmentId: string) {
  const rows: Array<{ type: SubjectType; id: string; title: string }> = [
    ...(await draftingDocuments(db, departmentId, 50)).map((d) => ({
      type: 'normativeDocument' as const,
      ...d,
    })),
    ...(await departmentMatters(db, departmentId, 50)).map((r) => ({
      type: 'reviewMatter' as const,
      ...r,
    })),
  ];
  return rows.map((x) => ({
    value: x.id,
    label: `${SUBJECT_LABELS[x.type]}：${x.title}`,
  }));
}
