/**
 * 政务公开, the public surface for other modules: 主动公开 of their records inside their own transaction
 * (publish, the 有效性 that follows a document's status), the 组配分类 labels, a publication's record for
 * their portal pages, and 依申请公开 intake (a 12345 ticket converted into a request, tracking codes,
 * the masking of applicants' personal data, the request behind a 好差评 code).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { publications } from './publications/schema.ts';
import type { PublicationRow } from './publications/service.ts';

export {
  publish,
  updateValidity,
  type PublicationInput,
  type PublicationRow,
  type PublishResult,
} from './publications/service.ts';
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
