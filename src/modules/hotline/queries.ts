/** Lists and the ticket page, with the citizen's personal data masked for all but the handlers. */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { evaluate } from '../../core/procedure/engine.ts';
import { maskIdNumber, maskName, maskPhone } from '../disclosure/index.ts';
import { authorize, can } from './policy.ts';
import { loadTicket } from './service.ts';
import type { TicketRow } from './intake.ts';
import { CHANNELS, KINDS, SATISFACTION, SCORES, SOURCES, labelOf } from './labels.ts';
import { HOTLINE_TICKET } from './procedure.ts';
import { fieldView } from '../../core/http/forms.ts';
import { TICKET_FORMS } from './ticketForms.ts';

export interface ListFilter {
  year?: number;
  kind?: string;
  channel?: string;
  status?: string;
  q?: string;
  onTime?: boolean;
  late?: boolean;
  satisfied?: boolean;
  visited?: boolean;
  rated?: boolean;
  page: number;
  pageSize: number;
}

const orNull = (v: string | null, f: (s: string) => string) => (v ? f(v) : null);

/** The row as the actor may see it. */
export function ticketForActor(actor: Actor, t: TicketRow) {
  const full = can(actor, 'hotlineTicket', 'personalData', t);
  const base = {
    ...t,
    kindLabel: labelOf(KINDS, t.kind),
    channelLabel: labelOf(CHANNELS, t.channel),
    sourceLabel: SOURCES[t.source] ?? t.source,
    satisfactionLabel: labelOf(SATISFACTION, t.satisfaction),
  };
  if (full) return { ...base, personalDataMasked: false };
  return {
    ...base,
    citizenName: orNull(t.citizenName, maskName),
    citizenPhone: orNull(t.citizenPhone, maskPhone),
    citizenIdNumber: orNull(t.citizenIdNumber, maskIdNumber),
    trackingCode: '',
    personalDataMasked: true,
  };
}

export async function listTickets(ctx: Ctx, actor: Actor, f: ListFilter) {
  authorize(actor, 'hotlineTicket', 'list');
  const where: SQL[] = [sql`t.department_id = ${actor.departmentId}`];
  if (f.year) where.push(sql`t.received_on between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`);
  if (f.kind) where.push(sql`t.kind = ${f.kind}`);
  if (f.channel) where.push(sql`t.channel = ${f.channel}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.q) where.push(sql`(t.ticket_no ilike ${`%${f.q}%`} or t.title ilike ${`%${f.q}%`})`);
  if (f.onTime) where.push(sql`t.replied_on is not null and not t.late`);
  if (f.late) where.push(sql`t.late`);
  if (f.satisfied) where.push(sql`t.satisfaction in ('satisfied','basic')`);
  if (f.visited) where.push(sql`t.satisfaction is not null`);
  if (f.rated)
    where.push(sql`exists (select 1 from hotline_ratings r where r.case_id = t.case_id)`);
  const cond = sql.join(where, sql` and `);
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from hotline_tickets t join cases c on c.id = t.case_id where ${cond}`,
  );
  const rows = await queryRows<TicketRow & { status: string; org_name: string }>(
    ctx.db,
    sql`select t.id, t.case_id as "caseId", t.department_id as "departmentId", t.org_id as "orgId", t.co_org_ids as "coOrgIds", t.source, t.ticket_no as "ticketNo", t.channel,
          t.received_on as "receivedOn", t.kind, t.title, t.citizen_name as "citizenName", t.citizen_phone as "citizenPhone", t.due_on as "dueOn", t.replied_on as "repliedOn", t.late,
          t.satisfaction, t.closed_on as "closedOn", t.published_on as "publishedOn", c.status, o.name as org_name
        from hotline_tickets t join cases c on c.id = t.case_id left join organisations o on o.id = t.org_id
        where ${cond} order by t.received_on desc, t.ticket_no desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  const statusLabel = (s: string) => HOTLINE_TICKET.statuses.find((x) => x.code === s)?.label ?? s;
  return {
    total: n,
    items: rows.map((r) => {
      const v = ticketForActor(actor, { ...r, coOrgIds: r.coOrgIds ?? [] } as TicketRow);
      return {
        id: v.id,
        ticketNo: v.ticketNo,
        title: v.title,
        kind: v.kind,
        kindLabel: v.kindLabel,
        channelLabel: v.channelLabel,
        receivedOn: String(v.receivedOn),
        dueOn: String(v.dueOn),
        repliedOn: v.repliedOn,
        late: v.late,
        satisfactionLabel: v.satisfactionLabel,
        citizenName: v.citizenName,
        citizenPhone: v.citizenPhone,
        status: r.status,
        statusLabel: statusLabel(r.status),
        orgName: r.org_name,
        publishedOn: v.publishedOn,
      };
    }),
  };
}

export async function ticketView(ctx: Ctx, actor: Actor, id: string) {
  const t = await loadTicket(ctx.db, actor, id);
  const history = await loadHistory(ctx.db, t.caseId);
  const state = evaluate(HOTLINE_TICKET, history, ctx.calendar.current(), ctx.clock.today());
  const orgs = await queryRows<{ id: string; name: string }>(
    ctx.db,
    sql`select id, name from organisations where parent_id = ${t.departmentId} and kind = 'division' order by name`,
  );
  const [rating] = await queryRows<{ score: string; comment: string | null; rated_on: string }>(
    ctx.db,
    sql`select score, comment, rated_on from hotline_ratings where case_id = ${t.caseId}`,
  );
  const mayAct = can(actor, 'hotlineTicket', 'act', t);
  const allowed = new Set(state.allowed.map((a) => a.action));
  const leader = can(actor, 'hotlineTicket', 'approveExtension', t);
  const divisionChoices = orgs.map((o) => ({ value: o.id, label: o.name }));
  const orgName = (oid: string) =>
    orgs.find((o) => o.id === oid)?.name ?? (oid === t.departmentId ? '本单位' : '');
  return {
    ticket: {
      ...ticketForActor(actor, t),
      orgName: orgName(t.orgId),
      coOrgNames: t.coOrgIds.map(orgName),
    },
    today: ctx.clock.today(),
    status: state.status,
    statusLabel: state.statusLabel,
    clocks: state.clocks,
    openSteps: state.openSteps,
    history: history.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: HOTLINE_TICKET.actions.find((a) => a.code === e.type)?.label ?? e.type,
      on: e.on,
      data: e.data,
    })),
    divisions: orgs,
    // The acts' forms as declared once (ticketForms.ts), the department's divisions offered.
    forms: Object.fromEntries(
      Object.entries(TICKET_FORMS).map(([k, fields]) => [
        k,
        fields.map((f) => fieldView(f, 'ref' in f ? divisionChoices : undefined)),
      ]),
    ),
    rating: rating
      ? {
          score: rating.score,
          scoreLabel: labelOf(SCORES, rating.score),
          comment: rating.comment,
          ratedOn: String(rating.rated_on),
        }
      : null,
    abilities: {
      sign: mayAct && allowed.has('sign'),
      dispute: mayAct && allowed.has('dispute'),
      assign: mayAct && allowed.has('assign'),
      requestExtension: mayAct && allowed.has('requestExtension'),
      approveExtension: leader && allowed.has('approveExtension'),
      reply: mayAct && allowed.has('reply'),
      visit: mayAct && allowed.has('visit'),
      reopen: mayAct && allowed.has('reopen'),
      merge: mayAct && allowed.has('merge'),
      convert: mayAct && allowed.has('convert'),
      publish: mayAct && !!t.repliedOn && t.publishConsent && !t.publishedOn,
    },
    blocked: state.blocked,
  };
}
