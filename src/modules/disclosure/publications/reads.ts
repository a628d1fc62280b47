/**
 * Reading 主动公开 items: the staff views (the actor's department), the portal's (published only), the record
 * behind a module's item, and who may read an attachment.
 */
import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../../core/errors.ts';
import type { Ctx } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { files } from '../../../core/files/schema.ts';
import { fileAccessOf, type FileAccess } from '../../../core/files/service.ts';
import { publicationFiles, publications } from './schema.ts';
import { listPublicationRows, type PublicationFilter, type PublicationPage } from './queries.ts';

export type PublicationRow = typeof publications.$inferSelect;

export interface PublicationView extends PublicationRow {
  attachments: { id: string; name: string; size: number; mime: string }[];
}

async function withAttachments(db: Tx | Ctx['db'], row: PublicationRow): Promise<PublicationView> {
  const attachments = await db
    .select({ id: files.id, name: files.name, size: files.size, mime: files.mime })
    .from(publicationFiles)
    .innerJoin(files, eq(files.id, publicationFiles.fileId))
    .where(eq(publicationFiles.publicationId, row.id))
    .orderBy(publicationFiles.position);
  return { ...row, attachments };
}

/** Staff view: any publication of the actor's department (withdrawn ones too), or 404. */
export async function getPublication(
  ctx: Ctx,
  actor: Actor,
  publicationId: string,
): Promise<PublicationView> {
  const [row] = await ctx.db.select().from(publications).where(eq(publications.id, publicationId));
  if (!row) throw notFound('公开信息');
  authorize(actor, 'publication', 'read', row);
  return withAttachments(ctx.db, row);
}

/** Staff list, scoped to the actor's department in SQL. */
export async function listPublications(
  ctx: Ctx,
  actor: Actor,
  filter: PublicationFilter,
): Promise<PublicationPage> {
  authorize(actor, 'publication', 'list');
  return listPublicationRows(ctx.db, { ...filter, departmentId: actor.departmentId });
}

/** Portal: a published (not withdrawn) item by 索引号 or id; null otherwise. */
export async function findPublic(
  ctx: Ctx,
  departmentId: string,
  key: string,
): Promise<PublicationView | null> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const [row] = await ctx.db
    .select()
    .from(publications)
    .where(
      and(
        byId ? eq(publications.id, key) : eq(publications.indexNumber, key),
        eq(publications.departmentId, departmentId),
        eq(publications.status, 'published'),
      ),
    );
  return row ? withAttachments(ctx.db, row) : null;
}

/** Portal catalogue: published items only. */
export async function listPublic(
  ctx: Ctx,
  departmentId: string,
  filter: PublicationFilter,
): Promise<PublicationPage> {
  return listPublicationRows(ctx.db, { ...filter, departmentId, status: 'published' });
}

/** The publication behind a module record (e.g. a normative document), if any. */
export async function findBySource(
  db: Tx | Ctx['db'],
  module: string,
  entityId: string,
): Promise<PublicationRow | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.sourceModule, module), eq(publications.sourceEntityId, entityId)))
    .orderBy(sql`${publications.publishedAt} desc`)
    .limit(1);
  return row ?? null;
}

/** A file is readable (by staff) as an attachment of a publication the actor may read (getPublication's rule). */
export async function attachmentFileReader(
  db: Tx | Ctx['db'],
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: publicationFiles.publicationId })
    .from(publicationFiles)
    .where(eq(publicationFiles.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    async (id) => {
      const [row] = await db.select().from(publications).where(eq(publications.id, id));
      authorize(actor, 'publication', 'read', row);
    },
  );
}

/** Files attached to a published (not withdrawn) item are public (条例 Art 24: view and download). */
export async function isPublishedAttachment(db: Tx | Ctx['db'], fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: publicationFiles.fileId })
    .from(publicationFiles)
    .innerJoin(publications, eq(publications.id, publicationFiles.publicationId))
    .where(and(eq(publicationFiles.fileId, fileId), eq(publications.status, 'published')))
    .limit(1);
  return !!row;
}
