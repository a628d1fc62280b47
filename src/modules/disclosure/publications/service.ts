/**
 * 主动公开 as a shared service: every module (normative documents, annual reports, …) publishes
 * through `publish`, inside its own transaction. Rules: 条例 Art 17 (保密审查 before publishing),
 * Art 20 (what to publish), Art 26 (within 20 working days of formation), RULES §6.1 (索引号).
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors.ts';
import { newId } from '../../../core/clock.ts';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { getOrg } from '../../../core/orgs/service.ts';
import { computeDue } from '../../../core/calendar/calendar.ts';
import { getSetting } from '../../../core/settings/service.ts';
import { nextIndexNumber } from '../../../core/numbering/indexNumber.ts';
import { checkDocNumber } from '../../../core/numbering/docNumber.ts';
import { toSearchText } from '../../../core/search/tokens.ts';
import { files } from '../../../core/files/schema.ts';
import { classificationSettings, VALIDITY_LABELS } from './categories.ts';
import { publicationFiles, publications } from './schema.ts';
import type { PublicationRow } from './reads.ts';

export type { PublicationFilter, PublicationPage } from './queries.ts';
export type { PublicationRow, PublicationView } from './reads.ts';
export {
  attachmentFileReader,
  findBySource,
  findPublic,
  getPublication,
  isPublishedAttachment,
  listPublic,
  listPublications,
} from './reads.ts';
export type Validity = keyof typeof VALIDITY_LABELS;

export interface ConfidentialityReview {
  reviewer: string;
  /** The reviewer's account, where the review was named by account (the 主动公开 form). */
  reviewerId?: string;
  conclusion: 'public';
  on: string;
  note?: string;
}

export interface PublicationInput {
  title: string; // 名称
  category: string; // 组配分类 code (categories.ts)
  topic: string; // 主题分类 code
  keywords?: string[]; // 关键词
  docNumber?: string | null; // 文号
  formedOn: string; // 生成日期/发文日期: Art 26's 20 working days run from it
  /**
   * 发布日期, default today. An earlier date records a publication first made elsewhere (政府公报, the
   * former website) before it was entered here; `publishedVia` then says where. Art 26 lateness is
   * judged on this date, not on the day it was entered.
   */
  publishedOn?: string;
  publishedVia?: string | null;
  summary?: string; // 内容概述
  body: string; // plain text, paragraphs separated by blank lines
  validity?: Validity | null; // 有效性 (normative documents; derived by their module)
  source?: { module: string; entityId: string } | null;
  attachmentIds?: string[]; // ids from core/files
  confidentialityReview: ConfidentialityReview; // 保密审查 (Art 17), recorded before publishing
}

export interface PublishResult {
  id: string;
  indexNumber: string;
  publishedOn: string;
  late: boolean;
}

/** Art 26: 20 working days from formation (or change) of the information. */
export const PUBLICATION_DAYS = 20;

export function dueOf(ctx: Ctx, formedOn: string) {
  return computeDue(ctx.calendar.current(), {
    from: formedOn,
    count: PUBLICATION_DAYS,
    unit: 'workday',
  });
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, { fields: [{ path, message }] });
}

export type DraftInput = Omit<PublicationInput, 'confidentialityReview'>;

/**
 * The checks of an item before it is published (or asked to be, review.ts): 名称, 分类, dates, 文号, attachments
 * of the department. Returns what publishing uses.
 */
export async function checkPublication(tx: Tx, ctx: Ctx, actor: Actor, input: DraftInput) {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const classes = await getSetting(tx, classificationSettings, now.getTime());
  if (!input.title.trim()) invalid('title', '名称：必填');
  if (!classes.categories.some((c) => c.code === input.category))
    invalid('category', '组配分类：不在分类目录中');
  if (!classes.topics.some((c) => c.code === input.topic))
    invalid('topic', '主题分类：不在分类目录中');
  const publishedOn = input.publishedOn ?? today;
  const publishedVia = input.publishedVia?.trim() || null;
  if (publishedOn > today) invalid('publishedOn', '发布日期：不能晚于今天');
  if (publishedOn < today && !publishedVia)
    invalid(
      'publishedVia',
      '首次发布渠道：发布日期早于今天时必填（如已在政府公报、原门户网站发布）',
    );
  if (input.formedOn > publishedOn)
    invalid(
      'formedOn',
      publishedOn === today ? '生成日期：不能晚于发布日期（今天）' : '生成日期：不能晚于发布日期',
    );
  if (input.docNumber) {
    const problem = checkDocNumber(input.docNumber);
    if (problem) invalid('docNumber', `文号：${problem}`);
  }
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (attachmentIds.length) {
    const owned = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(sql`${files.id} in ${attachmentIds}`, eq(files.departmentId, actor.departmentId)));
    if (owned.length !== attachmentIds.length)
      invalid('attachmentIds', '附件：文件不存在或不属于本部门');
  }
  return { now, today, publishedOn, publishedVia, attachmentIds };
}

/**
 * Publishes one item in the caller's transaction (never opens its own): checks the input, takes a
 * 索引号, flags it late when published after the 20th working day, links attachments, audits.
 * 发布机构 = the actor's department (never a 内设机构).
 */
export async function publish(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: PublicationInput,
): Promise<PublishResult> {
  authorize(actor, 'publication', 'publish');
  const { now, today, publishedOn, publishedVia, attachmentIds } = await checkPublication(
    tx,
    ctx,
    actor,
    input,
  );
  const review = input.confidentialityReview;
  if (!review || review.conclusion !== 'public' || !review.reviewer?.trim()) {
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      '发布前须完成保密审查并确认可以公开（《政府信息公开条例》第十七条）',
    );
  }
  // Art 17: the review comes before publication — except for an item first published elsewhere (publishedVia),
  // whose review recorded here, in the reviewer's session, is of its entry on this portal.
  if (review.on > publishedOn && !(review.reviewerId && publishedVia))
    invalid(
      'confidentialityReview.on',
      publishedOn === today ? '保密审查日期：不能晚于今天' : '保密审查日期：不能晚于发布日期',
    );
  if (review.on < input.formedOn)
    invalid('confidentialityReview.on', '保密审查日期：不能早于生成日期');

  const department = await getOrg(tx, actor.departmentId);

  const due = dueOf(ctx, input.formedOn);
  const late = publishedOn > due.due;
  // A number issued under an earlier 索引号 pattern is skipped, never reused.
  const isTaken = async (n: string) =>
    (
      await tx
        .select({ id: publications.id })
        .from(publications)
        .where(eq(publications.indexNumber, n))
        .limit(1)
    ).length > 0;
  const indexNumber = await nextIndexNumber(tx, {
    department,
    on: publishedOn,
    formedOn: input.formedOn,
    nowMs: now.getTime(),
    isTaken,
  });
  const id = newId();
  const keywords = (input.keywords ?? []).map((k) => k.trim()).filter(Boolean);
  const summary = input.summary?.trim() ?? '';
  const searchText = toSearchText(
    [input.title, input.docNumber ?? '', keywords.join(' '), summary, input.body].join('\n'),
  );
  await tx.insert(publications).values({
    id,
    indexNumber,
    departmentId: department.id,
    publisherName: department.name,
    title: input.title.trim(),
    category: input.category,
    topic: input.topic,
    keywords,
    docNumber: input.docNumber?.trim() || null,
    formedOn: input.formedOn,
    publishedOn,
    publishedVia,
    publishedAt: now,
    dueOn: due.due,
    late,
    summary,
    body: input.body,
    validity: input.validity ?? null,
    sourceModule: input.source?.module ?? null,
    sourceEntityId: input.source?.entityId ?? null,
    confidentialityReview: {
      reviewer: review.reviewer.trim(),
      ...(review.reviewerId ? { reviewerId: review.reviewerId } : {}),
      conclusion: review.conclusion,
      on: review.on,
      note: review.note?.trim() || null,
    },
    status: 'published',
    search: sql`to_tsvector('simple', ${searchText})` as unknown as string,
    publishedBy: actor.userId,
  });
  if (attachmentIds.length) {
    await tx
      .insert(publicationFiles)
      .values(attachmentIds.map((fileId, position) => ({ publicationId: id, fileId, position })));
  }
  await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: 'publication.publish',
      entityType: 'publication',
      entityId: id,
      payload: {
        indexNumber,
        title: input.title,
        category: input.category,
        formedOn: input.formedOn,
        publishedOn,
        publishedVia,
        dueOn: due.due,
        late,
        source: input.source ?? null,
        confidentialityReview: review,
        attachmentIds,
      },
    },
    now,
  );
  return { id, indexNumber, publishedOn, late };
}

/** A publication in the actor's department, or 404 (locks it when `forUpdate`). */
async function loadOwn(
  tx: Tx,
  actor: Actor,
  publicationId: string,
  forUpdate = false,
): Promise<PublicationRow> {
  const q = tx.select().from(publications).where(eq(publications.id, publicationId));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('公开信息');
  authorize(actor, 'publication', 'manage', row);
  return row;
}

/** 有效性 changes when a normative document is amended, expires or is abolished (called by that module, in its transaction). */
export async function updateValidity(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  publicationId: string,
  validity: Validity,
): Promise<void> {
  if (!(validity in VALIDITY_LABELS)) invalid('validity', '有效性：取值无效');
  const row = await loadOwn(tx, actor, publicationId, true);
  if (row.validity === validity) return;
  await tx.update(publications).set({ validity }).where(eq(publications.id, row.id));
  await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: 'publication.validity',
      entityType: 'publication',
      entityId: row.id,
      payload: { from: row.validity, to: validity },
    },
    ctx.clock.now(),
  );
}

/** Withdrawal is a correction (e.g. published in error): the row stays, with who, when and why; the portal stops showing it. */
export async function withdraw(
  ctx: Ctx,
  actor: Actor,
  publicationId: string,
  reason: string,
): Promise<void> {
  if (reason.trim().length < 4) invalid('reason', '撤回理由：至少 4 个字');
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    const row = await loadOwn(tx, actor, publicationId, true);
    if (row.status === 'withdrawn') throw new AppError('CONFLICT', '该信息已撤回');
    await tx
      .update(publications)
      .set({
        status: 'withdrawn',
        withdrawnAt: now,
        withdrawnReason: reason.trim(),
        withdrawnBy: actor.userId,
      })
      .where(eq(publications.id, row.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'publication.withdraw',
        entityType: 'publication',
        entityId: row.id,
        payload: { indexNumber: row.indexNumber, reason: reason.trim() },
      },
      now,
    );
  });
}
