import { pgTable, text, uuid, integer, timestamp, customType, index } from 'drizzle-orm/pg-core';

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
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    // The department that owns the file (scope of unpublished files).
    departmentId: uuid('department_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_department_idx').on(t.departmentId, t.createdAt)],
);
