/** The case page: the record, the procedure's state (steps, clocks, allowed acts for the actor), files, payment. */
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { caseState, loadHistory } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { actionsFor } from '../../core/procedure/engine.ts';
import { listEligibleOfficers } from '../enforcement/index.ts';
import { penaltyFiles } from './schema.ts';
import { can } from './policy.ts';
import { loadPenalty, type PenaltyRow } from './service.ts';
import { paymentStatus } from './actsExecution.ts';
import { FILE_KINDS, MODE_LABELS, PARTY_KINDS, typeLabels, type FileKind } from './labels.ts';
import { PENALTY_CASE } from './procedure.ts';
import { PENALTY_SUMMARY } from './procedureSummary.ts';
import { fieldView } from '../../core/http/forms.ts';
import { ACT_FORMS } from './forms.ts';

const LABELS = new Map<string, string>(
  [...PENALTY_CASE.actions, ...PENALTY_SUMMARY.actions].map((a) => [a.code, a.label]),
);
export const actLabel = (code: string) => LABELS.get(code) ?? code;

const officerOptions = (officers: Array<{ id: string; name: string; certificateNo: string }>) =>
  officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` }));

export function penaltySummary(p: PenaltyRow, status: string) {
  const def = p.mode === 'summary' ? PENALTY_SUMMARY : PENALTY_CASE;
  return {
    id: p.id,
    caseId: p.caseId,
    caseNo: p.caseNo,
    title: p.title,
    mode: p.mode,
    modeLabel: MODE_LABELS[p.mode],
    partyKind: p.partyKind,
    partyKindLabel: PARTY_KINDS[p.partyKind],
    partyName: p.partyName,
    openedOn: p.openedOn,
    status,
    statusLabel: def.statuses.find((s) => s.code === status)?.label ?? status,
    decisionNo: p.decisionNo,
    decidedOn: p.decidedOn,
    typesLabel: typeLabels(p.penaltyTypes),
    fineAmount: p.fineAmount,
    publishedOn: p.publishedOn,
    withdrawnOn: p.withdrawnOn,
  };
}

export async function penaltyView(ctx: Ctx, actor: Actor, id: string) {
  const p = await loadPenalty(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, p.caseId));
  const history = await loadHistory(ctx.db, p.caseId);
  const state = await caseState(ctx, c, history);
  const files = await ctx.db
    .select()
    .from(penaltyFiles)
    .where(eq(penaltyFiles.penaltyId, p.id))
    .orderBy(asc(penaltyFiles.eventSeq), asc(penaltyFiles.createdAt));
  const mayAct = can(actor, 'penaltyCase', 'act', {
    departmentId: p.departmentId,
    orgId: p.orgId,
    handlerIds: p.handlerIds,
    createdBy: p.createdBy,
  });
  const today = ctx.clock.today();
  const officers =
    mayAct && p.mode === 'general' ? await listEligibleOfficers(ctx.db, p.departmentId, today) : [];
  return {
    penalty: {
      ...penaltySummary(p, c.status),
      partyIdNo: p.partyIdNo,
      partyAddress: p.partyAddress,
      actOn: p.actOn,
      discoveredOn: p.discoveredOn,
      summary: p.summary,
      officerNames: p.officerNames,
      officerIds: p.officerIds,
      inspectionRecordId: p.inspectionRecordId,
      notice: p.notice,
      decision: p.decision,
      deliveredOn: p.deliveredOn,
      executedOn: p.executedOn,
      publicationDueOn: p.publicationDueOn,
      revokedOn: p.revokedOn,
      withdrawalReason: p.withdrawalReason,
      closedOn: p.closedOn,
    },
    state: { ...state, allowed: mayAct ? actionsFor(state, actor.roles) : [] },
    events: history.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: actLabel(e.type),
      on: e.on,
      data: e.data ?? {},
    })),
    files: files.map((f) => ({
      id: f.id,
      fileId: f.fileId,
      eventSeq: f.eventSeq,
      act: f.act,
      actLabel: actLabel(f.act),
      kind: f.kind,
      kindLabel: FILE_KINDS[f.kind as FileKind],
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      auditSeq: f.auditSeq,
    })),
    payment: paymentStatus(ctx, p, today),
    officers,
    // The acts' forms as declared once (forms.ts); the officer selects offer the eligible officers.
    forms: Object.fromEntries(
      Object.entries(ACT_FORMS).map(([form, fields]) => [
        form,
        fields.map((f) => fieldView(f, 'ref' in f ? officerOptions(officers) : undefined)),
      ]),
    ),
    mayAct,
  };
}
