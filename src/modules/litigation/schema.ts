import {
  pgTable,
  text,
  uuid,
  timestamp,
  boolean,
  date,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 行政复议 and 行政应诉 where the bureau is the respondent / defendant (RULES §9). One row per case, with
 * its engine case (`case_id`: clocks, steps, history) and the figures table 四 and the 法治年报 read:
 * the answer date and whether it was late, the first decision or judgment, the appeal and its result.
 * The challenged act is a typed reference to the bureau's own record when it is one (act_module + act_record_id).
 */
export const litigationCases = pgTable(
  'litigation_cases',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    // 'reconsideration' (行政复议) | 'lawsuit' (行政诉讼)
    kind: text('kind').$type<'reconsideration' | 'lawsuit'>().notNull(),
    caseNo: text('case_no').notNull(),
    applicant: text('applicant').notNull(),
    // 复议机关 / 人民法院
    body: text('body').notNull(),
    // 复议: 'ordinary' | 'simple'; 诉讼: null
    procedureType: text('procedure_type'),
    // 'disclosureRequest' | 'normativeDocument' | null (an act with no record in the system)
    actModule: text('act_module'),
    actRecordId: uuid('act_record_id'),
    actTitle: text('act_title').notNull(),
    // 复议 filed / suit registered (立案), when known: evidence gathered after it is refused (复议法 Art 46, 诉讼法 Art 35).
    filedOn: date('filed_on', { mode: 'string' }),
    // The day the bureau received the 申请书副本 / 起诉状副本: the answer clock's anchor.
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    afterReconsideration: boolean('after_reconsideration').notNull().default(false),
    answeredOn: date('answered_on', { mode: 'string' }),
    answerDue: date('answer_due', { mode: 'string' }),
    answerLate: boolean('answer_late'),
    evidence: jsonb('evidence')
      .$type<Array<{ title: string; gatheredOn: string }>>()
      .notNull()
      .default([]),
    answerText: text('answer_text').notNull().default(''),
    firstResult: text('first_result'),
    firstResultOn: date('first_result_on', { mode: 'string' }),
    appealedOn: date('appealed_on', { mode: 'string' }),
    finalResult: text('final_result'),
    finalResultOn: date('final_result_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('litigation_cases_case_idx').on(t.caseId),
    uniqueIndex('litigation_cases_no_idx').on(t.departmentId, t.kind, t.caseNo),
    index('litigation_cases_received_idx').on(t.departmentId, t.receivedOn),
    index('litigation_cases_act_idx').on(t.actModule, t.actRecordId),
  ],
);
