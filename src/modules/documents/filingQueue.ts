/**
 * The 备案审查机关's queue (37号 有备必审): the filings addressed to it, each with what was filed for
 * review. The decisions on a filing are in filing.ts.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize, can } from './policy.ts';
import { evaluate, type CaseEvent } from '../../core/procedure/engine.ts';
import { actsOf, engineVerdict } from '../../core/cases/acts.ts';
import { caseEvents, cases } from '../../core/cases/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { documentFilings, normativeDocuments } from './schema.ts';
import { FILING_STATUS_LABELS } from './labels.ts';

/**
 * What was filed, for the oversight body's review: the 备案报告 (the filing record), the text, the
 * 起草说明 and 制定依据, the 合法性审核意见 and the 集体审议 recorded on the case, the 纠错 exchange and
 * the corrected version; one query per kind for the whole page.
 */
async function materialsOf(db: DbOrTx, caseIds: string[], documentIds: string[]) {
  const events = caseIds.length
    ? await db
        .select({
          caseId: caseEvents.caseId,
          type: caseEvents.type,
          on: caseEvents.on,
          data: caseEvents.data,
        })
        .from(caseEvents)
        .where(
          and(
            inArray(caseEvents.caseId, caseIds),
            inArray(caseEvents.type, [
              'concludeLegalReview',
              'collectiveDecision',
              'answerCorrection',
            ]),
          ),
        )
        .orderBy(asc(caseEvents.seq))
    : [];
  const corrected = documentIds.length
    ? await db
        .select({
          id: normativeDocuments.id,
          supersedesId: normativeDocuments.supersedesId,
          version: normativeDocuments.version,
          bodyText: normativeDocuments.bodyText,
          publishedOn: normativeDocuments.publishedOn,
        })
        .from(normativeDocuments)
        .where(inArray(normativeDocuments.supersedesId, documentIds))
        .orderBy(desc(normativeDocuments.version))
    : [];
  return (caseId: string) => {
    const mine = events.filter((e) => e.caseId === caseId);
    const last = (type: string) => mine.filter((e) => e.type === type).at(-1);
    const review = last('concludeLegalReview');
    const decision = last('collectiveDecision');
    const answer = last('answerCorrection');
    const data = (e?: { data: unknown }) => (e?.data ?? {}) as Record<string, string | undefined>;
    const version = corrected.find((v) => v.id === data(answer).correctedVersionId);
    return {
      legalReview: review
        ? {
            on: review.on,
            conclusion: data(review).conclusion ?? '',
            opinion: data(review).opinion ?? '',
          }
        : null,
      collectiveDecision: decision
        ? {
            on: data(decision).meetingOn ?? decision.on,
            meetingName: data(decision).meetingName ?? '',
            decision: data(decision).decision ?? '',
          }
        : null,
      correctedVersion: version
        ? {
            id: version.id,
            version: version.version,
            bodyText: version.bodyText,
            publishedOn: version.publishedOn,
          }
        : null,
    };
  };
}

/** The oversight body's decisions on a filing (procedurePublication.ts): the view's act → the engine's. */
export const FILING_ACTS = { accept: '准予备案', return: '退回纠错' } as const;
const ENGINE_ACT = { accept: 'acceptFiling', return: 'requestCorrection' } as const;

/** The cases' histories, one query for the page. */
async function historiesOf(db: DbOrTx, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const rows = caseIds.length
    ? await db
        .select()
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, caseIds))
        .orderBy(asc(caseEvents.seq))
    : [];
  const out = new Map<string, CaseEvent[]>();
  for (const r of rows)
    out.set(r.caseId, [
      ...(out.get(r.caseId) ?? []),
      {
        type: r.type,
        on: r.on,
        seq: r.seq,
        actorRoles: r.actorRoles,
        data: r.data as Record<string, unknown>,
      },
    ]);
  return out;
}

/**
 * The oversight body's queue: filings of every department addressed to it (scoped in SQL), with their
 * materials and `acts`: the engine's decisions on the document's case (filed, or answered after 纠错)
 * that the policy lets this actor take on the filing.
 */
export async function filingQueue(ctx: Ctx, actor: Actor, status?: string) {
  authorize(actor, 'documentFiling', 'queue');
  const conds = [eq(documentFilings.oversightOrgId, actor.departmentId)];
  if (status) conds.push(eq(documentFilings.status, status));
  const rows = await ctx.db
    .select({
      filing: documentFilings,
      title: normativeDocuments.title,
      docNumber: normativeDocuments.docNumber,
      publishedOn: normativeDocuments.publishedOn,
      effectiveOn: normativeDocuments.effectiveOn,
      validUntil: normativeDocuments.validUntil,
      department: organisations.name,
      bodyText: normativeDocuments.bodyText,
      draftingExplanation: normativeDocuments.draftingExplanation,
      legalBases: normativeDocuments.legalBases,
      interpretation: normativeDocuments.interpretation,
      documentId: normativeDocuments.id,
      caseId: normativeDocuments.caseId,
      caseStatus: cases.status,
    })
    .from(documentFilings)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, documentFilings.documentId))
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .innerJoin(organisations, eq(organisations.id, documentFilings.departmentId))
    .where(and(...conds))
    .orderBy(asc(documentFilings.submittedOn), asc(documentFilings.id));
  const materials = await materialsOf(
    ctx.db,
    rows.map((r) => r.caseId),
    rows.map((r) => r.documentId),
  );
  const histories = await historiesOf(
    ctx.db,
    rows.map((r) => r.caseId),
  );
  const { def } = ctx.procedures.get('normativeDocument');
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  return rows.map(({ caseId, ...r }) => {
    const engine = engineVerdict(
      evaluate(def, histories.get(caseId) ?? [], cal, today),
      actor.roles,
    );
    const reviews = can(actor, 'documentFiling', 'review', r.filing);
    return {
      ...r,
      materials: materials(caseId),
      ...actsOf(FILING_ACTS, (a) => reviews && engine(ENGINE_ACT[a])),
      statusLabel:
        FILING_STATUS_LABELS[r.filing.status as keyof typeof FILING_STATUS_LABELS] ??
        r.filing.status,
    };
  });
}
