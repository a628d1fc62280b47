import {
  pgTable,
  text,
  uuid,
  timestamp,
  date,
  index,
  uniqueIndex,
  primaryKey,
} from 'drizzle-orm/pg-core';

/**
 * 依申请公开: the applicant's data of one request, linked 1:1 to its case (cases.id). Status,
 * outcome and deadlines live on the case (the engine's); this row holds what the case must not
 * (personal data, visible only to the disclosure office) and the public tracking code.
 */
export const disclosureRequests = pgTable(
  'disclosure_requests',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    // ≥ 128 random bits, base32: the applicant's key to /xxgk/track/:code.
    trackingCode: text('tracking_code').notNull(),
    // 'naturalPerson' | 'legalPerson'; legal persons carry a sub-type (table 三 column).
    applicantKind: text('applicant_kind').notNull(),
    orgType: text('org_type'),
    // Table 三 column: naturalPerson | business | research | publicInterest | legalService | other.
    reportColumn: text('report_column').notNull(),
    name: text('name'),
    idType: text('id_type'),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    description: text('description'),
    form: text('form'),
    delivery: text('delivery'),
    channel: text('channel').notNull(),
    // 条例 Art 31 receipt date (of the original application; 补正 restarts the clock, not this).
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    // Who the applicant is, normalised (ID number, credit code, or name + phone): fees count per applicant per month.
    applicantKey: text('applicant_key'),
    // SHA-256 of applicant + content: a second submission within 10 minutes is the same request.
    dedupeHash: text('dedupe_hash').notNull(),
    // 送达 of the answer (条例 Art 40, 45), recorded after the case is closed.
    deliveredOn: date('delivered_on', { mode: 'string' }),
    deliveryMethod: text('delivery_method'),
    deliveryNote: text('delivery_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('disclosure_requests_case_idx').on(t.caseId),
    uniqueIndex('disclosure_requests_code_idx').on(t.trackingCode),
    index('disclosure_requests_dept_received_idx').on(t.departmentId, t.receivedOn),
    index('disclosure_requests_dedupe_idx').on(t.departmentId, t.dedupeHash, t.createdAt),
    index('disclosure_requests_applicant_idx').on(t.departmentId, t.applicantKey, t.receivedOn),
  ],
);

/** Files released with an answer (stored by core/files). */
export const disclosureRequestFiles = pgTable(
  'disclosure_request_files',
  {
    requestId: uuid('request_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.fileId] }),
    index('disclosure_request_files_file_idx').on(t.fileId),
  ],
);
