import { pgTable, text, uuid, timestamp, index } from 'drizzle-orm/pg-core';

/** Organisations: a 市人民政府, its departments (市科技局), their divisions (科室), and oversight bodies (市司法局). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    // Stable codes: government | department | division | oversight (labels in orgs/labels.ts).
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    // 统一社会信用代码 (18 chars), used by the 索引号 generator.
    creditCode: text('credit_code'),
    // 机关代字 for 文号, e.g. 科规.
    docPrefix: text('doc_prefix'),
    address: text('address'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('organisations_parent_idx').on(t.parentId)],
);
