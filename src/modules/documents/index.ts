/**
 * 行政规范性文件, the public surface for other modules: the 行政规范性文件 row of table 二 of the
 * 政府信息公开工作年度报告 (制发, 废止, 现行有效 as at 12月31日), counted by the documents' own facts;
 * the department's documents as the acts a 行政复议/应诉 case challenges.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';

export { tableTwoRow } from './facts.ts';

/** A record another module refers to (行政复议/应诉 of a document): id, title and its date. */
export interface DocumentRef {
  id: string;
  title: string;
  on: string;
}

/** The department's documents, newest first (a picker of the act a 复议/诉讼 challenges). */
export async function departmentDocuments(
  db: DbOrTx,
  departmentId: string,
  limit = 200,
): Promise<DocumentRef[]> {
  return queryRows<DocumentRef>(
    db,
    sql`select id, title, coalesce(created_at::date::text, '') as "on" from normative_documents where department_id = ${departmentId} order by created_at desc limit ${limit}`,
  );
}

/** A document's title if it is one of the department's, else undefined. */
export async function departmentDocumentTitle(
  db: DbOrTx,
  departmentId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ title: string }>(
    db,
    sql`select title from normative_documents where id = ${id} and department_id = ${departmentId}`,
  );
  return row?.title;
}

/** The department's documents still being drafted, newest first (a meeting's topic may link to one). */
export async function draftingDocuments(
  db: DbOrTx,
  departmentId: string,
  limit: number,
): Promise<Array<{ id: string; title: string }>> {
  return queryRows<{ id: string; title: string }>(
    db,
    sql`select d.id, d.title from normative_documents d join cases c on c.id = d.case_id where d.department_id = ${departmentId} and c.status = 'drafting' order by d.created_at desc limit ${limit}`,
  );
}
