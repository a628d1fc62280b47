/**
 * A consultation already held, written as it stands (closed, dispositions given, report published): the
 * demo's history of a draft that went through 公开征求意见 before the demo begins.
 */
import { newId } from '../../core/clock.ts';
import type { Tx } from '../../core/db/client.ts';
import { consultationComments, consultations } from './schema.ts';

export interface HeldConsultation {
  subjectType: string;
  subjectId: string;
  caseId: string;
  departmentId: string;
  title: string;
  draftText: string;
  explanation: string;
  startOn: string;
  endOn: string;
  closedOn: string;
  reportPublishedOn: string;
  createdAt: Date;
  comments: Array<{
    articleNo: number | null;
    body: string;
    authorName: string | null;
    submittedAt: Date;
    disposition: string;
    reason: string | null;
    disposedBy: string;
    disposedAt: Date;
  }>;
}

/** Inserts the consultation and its comments (numbered in order) in the caller's transaction. */
export async function seedHeldConsultation(tx: Tx, h: HeldConsultation): Promise<string> {
  const { comments, ...consultation } = h;
  const id = newId();
  await tx.insert(consultations).values({ id, ...consultation });
  if (comments.length > 0)
    await tx.insert(consultationComments).values(
      comments.map((x, i) => ({
        id: newId(),
        consultationId: id,
        seq: i + 1,
        contact: null,
        ...x,
      })),
    );
  return id;
}
