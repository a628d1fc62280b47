/**
 * 政务公开, the public surface for other modules: 主动公开 of their records inside their own transaction
 * (publish, the 有效性 that follows a document's status), the 组配分类 labels, a publication's record for
 * their portal pages, and 依申请公开 intake (a 12345 ticket converted into a request, tracking codes,
 * the masking of applicants' personal data, the request behind a 好差评 code).
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { publications } from './publications/schema.ts';
import type { PublicationRow } from './publications/service.ts';

export {
  publish,
  updateValidity,
  type PublicationInput,
  type PublicationRow,
  type PublishResult,
} from './publications/service.ts';
// The 保密审查 before publishing (条例第十七条): the fragment a publishing procedure carries, and the passing review.
export {
  carriesSecrecyReview,
  SECRECY_REVIEW_ACTIONS,
  SECRECY_REVIEW_GATE,
  SECRECY_REVIEWER,
  secrecyReviewPassed,
  secrecyReviewPending,
  withSecrecyReview,
  type SecrecyReviewOptions,
} from './secrecyReview.ts';
export {
  actorOf as accountActor,
  askSecrecyReview,
  decideSecrecyReview,
  passedSecrecyReview,
  secrecyReviewOf,
  type SecrecyReviewState,
} from './secrecyReviewService.ts';
export { classificationSettings, labelOf, VALIDITY_LABELS } from './publications/categories.ts';
export {
  maskIdNumber,
  maskName,
  maskPhone,
  newTrackingCode,
  receiveRequest,
  requestByTrackingCode,
  TRACKING_CODE_RE,
  type ApplicantInput,
  type IntakeResult,
} from './requests/index.ts';

/** The 主动公开 record a module's published record points to (索引号, 发布机构, 分类), or undefined. */
export async function publicationRecord(
  db: DbOrTx,
  publicationId: string,
): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(publications).where(eq(publications.id, publicationId));
  return row;
}

/** A request another module refers to: named by its content (never the applicant's) and receipt date. */
export interface RequestRef {
  id: string;
  title: string;
  on: string;
}

/** The department's 依申请公开 requests, newest receipt first (a picker of the act a 复议/诉讼 challenges). */
export async function departmentRequests(
  db: DbOrTx,
  departmentId: string,
  limit = 200,
): Promise<RequestRef[]> {
  return queryRows<RequestRef>(
    db,
    sql`select r.id, coalesce(nullif(r.description, ''), '政府信息公开申请') as title, r.received_on::text as "on"
        from disclosure_requests r join cases c on c.id = r.case_id
        where r.department_id = ${departmentId} order by r.received_on desc limit ${limit}`,
  );
}

/** A request's title (its content, or 政府信息公开申请) if it is one of the department's, else undefined. */
export async function departmentRequestTitle(
  db: DbOrTx,
  departmentId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ title: string }>(
    db,
    sql`select coalesce(nullif(description, ''), '政府信息公开申请') as title from disclosure_requests where id = ${id} and department_id = ${departmentId}`,
  );
  return row?.title;
}

/** The department's earliest received request (the demo's 复议 challenges it), or undefined. */
export async function firstRequestId(
  db: DbOrTx,
  departmentId: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from disclosure_requests where department_id = ${departmentId} order by received_on limit 1`,
  );
  return row?.id;
}
