/**
 * The public surface of 行政处罚 for other modules: the bureau's penalty decisions a 行政复议 or 行政诉讼
 * may challenge (the litigation module links its case to one). Scope is the penalties module's own rule
 * (penaltyScopeSql): a case the actor may not read is reported as not found, never described.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { penaltyCases } from './schema.ts';
import { penaltyScopeSql } from './policy.ts';

export interface PenaltyDecisionRef {
  id: string;
  caseNo: string;
  title: string;
  /** 行政处罚决定书 or 不予行政处罚决定书 文号. */
  decisionNo: string;
  decidedOn: string;
  decisionType: 'penalty' | 'noPenalty';
  /** Path of the case page in the workbench. */
  path: string;
}

export type PenaltyLookup =
  | { status: 'decided'; decision: PenaltyDecisionRef }
  | { status: 'undecided'; caseNo: string }
  | { status: 'notFound' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = typeof penaltyCases.$inferSelect;
const refOf = (r: Row): PenaltyDecisionRef => ({
  id: r.id,
  caseNo: r.caseNo,
  title: r.title,
  decisionNo: r.decisionNo!,
  decidedOn: r.decidedOn!,
  decisionType: r.decisionType === 'noPenalty' ? 'noPenalty' : 'penalty',
  path: `/penalties/${r.id}`,
});

/**
 * A penalty case of the actor's scope by id, and whether its decision has been made (a 决定书 with its
 * 文号 and date): only a decision can be challenged.
 */
export async function findPenaltyDecision(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<PenaltyLookup> {
  if (!UUID.test(id)) return { status: 'notFound' };
  const [row] = await db
    .select()
    .from(penaltyCases)
    .where(and(eq(penaltyCases.id, id), penaltyScopeSql(actor)))
    .limit(1);
  if (!row) return { status: 'notFound' };
  if (!row.decidedOn || !row.decisionNo) return { status: 'undecided', caseNo: row.caseNo };
  return { status: 'decided', decision: refOf(row) };
}

/** The decided cases of the actor's scope, newest decision first (for a picker). */
export async function listPenaltyDecisions(
  db: DbOrTx,
  actor: Actor,
  limit = 200,
): Promise<PenaltyDecisionRef[]> {
  const rows = await db
    .select()
    .from(penaltyCases)
    .where(
      and(
        penaltyScopeSql(actor),
        isNotNull(penaltyCases.decidedOn),
        isNotNull(penaltyCases.decisionNo),
      ),
    )
    .orderBy(desc(penaltyCases.decidedOn), desc(penaltyCases.decisionNo))
    .limit(limit);
  return rows.map(refOf);
}
