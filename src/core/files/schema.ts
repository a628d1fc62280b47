import {
  pgTable,
  text,
  uuid,
  integer,
  bigint,
  boolean,
  timestamp,
  customType,
  index,
  primaryKey,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

/**
 * Stored files (attachments of publications, released files of answers, …). Content lives in the
 * database as bytea: app instances stay stateless and backups are one dump. Size capped by a setting.
 * A large file (audio/video of 全过程记录) is streamed in: `chunked`, its content in file_chunks, and
 * invisible (`complete` false) until the last chunk and its audit event are written.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    chunked: boolean('chunked').notNull().default(false),
    complete: boolean('complete').notNull().default(true),
    // The department that owns the file (scope of unpublished files).
    departmentId: uuid('department_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_department_idx').on(t.departmentId, t.createdAt)],
);

/** The content of a chunked file, CHUNK_BYTES per row (the last one shorter), read back in `seq` order. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
