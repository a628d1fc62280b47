/** Evidence files of inspection records: readable by whoever may read the record; public: none. */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import { loadInspection } from './inspections.ts';

export async function inspectionFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from enforcement_inspections where file_ids @> ${JSON.stringify([fileId])}::jsonb`,
  );
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadInspection(db, actor, id),
  );
}
