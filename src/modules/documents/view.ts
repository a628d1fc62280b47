/** What the staff document page shows: the document, its procedure timeline, comments, filing, history. */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { can } from './policy.ts';
import { caseView } from '../../core/cases/view.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { evaluate } from '../../core/procedure/engine.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { files } from '../../core/files/schema.ts';
import { latestFor, listComments } from '../consultation/index.ts';
import { DISPOSITION_OPTIONS, dispositionReport } from '../consultation/index.ts';
import { articles } from '../consultation/index.ts';
import { loadDocument, scopeOfDoc, versionsOf } from './service.ts';
import { eventsOf } from './validity.ts';
import { filingsOf } from './filing.ts';
import { meetingsToDecide } from './collective.ts';
import { fieldView } from '../../core/http/forms.ts';
import { DOCUMENT_FORMS, FILING_FORMS, type DocumentForm } from './forms.ts';
import { legalStatus, legalStatusLabel, LEGAL_STATUS_LABELS, ENDING_LABELS } from './status.ts';
import { DOC_TYPE_LABELS, FILING_STATUS_LABELS, TRIAL_LABELS } from './labels.ts';

export async function documentView(ctx: Ctx, actor: Actor, id: string) {
  const d = await loadDocument(ctx.db, actor, id);
  const proc = await caseView(ctx, actor, d.caseId);
  const [org] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, d.draftingOrgId));
  const [issuer] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, d.departmentId));
  const [source] = d.sourceFileId
    ? await ctx.db
        .select({ id: files.id, name: files.name, size: files.size })
        .from(files)
        .where(eq(files.id, d.sourceFileId))
    : [];
  const c = await latestFor(ctx.db, 'normativeDocument', d.id);
  const comments = c ? await listComments(ctx.db, c.id) : [];
  const events = await eventsOf(ctx.db, d.id);
  const derived = legalStatus({
    events,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    today: ctx.clock.today(),
  });
  const [filing] = await filingsOf(ctx.db, [d.id]);
  const versions = await versionsOf(ctx.db, d.lineageId);
  const editable = can(actor, 'normativeDocument', 'edit', scopeOfDoc(d));
  // What may be done: the engine's acts on the case (those of the actor's roles) and the policy.
  const mine = new Set(proc.actions.map((a) => a.action));
  // The draft is still being made while the engine lets its making be ended (终止制定, whoever may).
  const { def } = ctx.procedures.get('normativeDocument');
  const history = await loadHistory(ctx.db, d.caseId);
  const state = evaluate(def, history, ctx.calendar.current(), ctx.clock.today());
  const making = state.allowed.some((a) => a.action === 'withdraw');
  const decide = proc.actions.find((a) => a.action === 'collectiveDecision');
  const decideAt = decide ? await meetingsToDecide(ctx.db, d.id) : null;
  return {
    document: {
      ...d,
      docTypeLabel: DOC_TYPE_LABELS[d.docType as keyof typeof DOC_TYPE_LABELS] ?? d.docType,
      trialLabel: TRIAL_LABELS[d.trial as keyof typeof TRIAL_LABELS] ?? '',
      draftingOrgName: org?.name ?? '',
      issuerName: issuer?.name ?? '',
      // The uploaded .docx the text was taken from (kept as a stored file; the text is searchable).
      sourceFile: source ?? null,
      legalStatus: derived.status,
      legalStatusLabel: LEGAL_STATUS_LABELS[derived.status],
      ending: derived.ending
        ? {
            kind: derived.ending,
            label: ENDING_LABELS[derived.ending],
            on: derived.since,
            act: derived.act,
          }
        : null,
    },
    procedure: proc,
    consultation: c
      ? {
          ...c,
          articles: articles(c.draftText),
          comments: comments.map((x) => ({
            ...x,
            submittedAt: x.submittedAt.toISOString(),
            disposedAt: x.disposedAt?.toISOString() ?? null,
          })),
          report: dispositionReport(c, comments),
          dispositions: DISPOSITION_OPTIONS,
        }
      : null,
    events: events.map((e) => ({ kind: e.kind, on: e.on, act: e.act, note: e.note, data: e.data })),
    filing: filing
      ? {
          ...filing,
          statusLabel: FILING_STATUS_LABELS[filing.status as keyof typeof FILING_STATUS_LABELS],
        }
      : null,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      docNumber: v.docNumber,
      publishedOn: v.publishedOn,
      legalStatus: v.legalStatus,
      legalStatusLabel: legalStatusLabel(v.legalStatus),
    })),
    // The forms' fields as declared once (forms.ts), the meetings offered to 集体审议 filled in.
    forms: {
      ...Object.fromEntries(
        Object.entries(DOCUMENT_FORMS).map(([k, fs]) => [k, fs.map((f) => fieldView(f))]),
      ),
      decide: DOCUMENT_FORMS.decide.map((f) =>
        fieldView(
          f,
          f.name === 'meetingId'
            ? (decideAt ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.meetingOn}）` }))
            : undefined,
        ),
      ),
      answer: FILING_FORMS.answer.map((f) => fieldView(f)),
      accept: FILING_FORMS.accept.map((f) => fieldView(f)),
      return: FILING_FORMS.return.map((f) => fieldView(f)),
    } as Record<DocumentForm | keyof typeof FILING_FORMS, ReturnType<typeof fieldView>[]>,
    // What this actor may do here (the UI never re-implements the rules).
    abilities: {
      edit: editable && !d.publishedOn && !d.docNumber && making,
      openComment: editable && mine.has('openComment'),
      // The engine: a comment period running whose end has come (结束征求意见).
      closeComment: editable && mine.has('closeComment'),
      dispose: editable && !!c?.closedOn && !c.reportPublishedOn,
      publishFeedback: editable && !!c?.closedOn && !c.reportPublishedOn,
      assignNumber: editable && mine.has('assignNumber'),
      publish: editable && mine.has('publish'),
      file: editable && mine.has('file') && !filing,
      // Returned for correction: the engine offers the answer (the case is 纠错中).
      answerFiling: editable && mine.has('answerCorrection'),
      // The oversight body decides the filing addressed to it (the engine offers the acts to its role).
      reviewFiling:
        !!filing && can(actor, 'documentFiling', 'review', filing) && mine.has('acceptFiling'),
      // 集体审议: at a held meeting whose agenda lists the document (the meetings to choose from).
      decideAt,
      amend: editable && (derived.status === 'inForce' || derived.status === 'notYetInForce'),
      end: editable && (derived.status === 'inForce' || derived.status === 'notYetInForce'),
      evaluate: editable && !!d.publishedOn,
      engineActions: proc.actions.filter((a) =>
        [
          'exemptComment',
          'fairCompetitionReview',
          'submitLegalReview',
          'concludeLegalReview',
          'withdraw',
        ].includes(a.action),
      ),
    },
  };
}
