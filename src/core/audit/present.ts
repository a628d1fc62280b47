/**
 * An audit event as a Chinese auditor reads it: the action's Chinese name, the record by its name,
 * and the payload as 「标题：…；日期：2026年11月20日」 lines (labels live on the server, issue 13).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import type { AuditCatalogue, AuditEntityKind } from './labels.ts';

export interface AuditDetail {
  label: string;
  value: string;
}

/** Core's own record kinds (modules add theirs through the manifest). */
export const CORE_ENTITIES: Record<string, AuditEntityKind> = {
  user: { label: '用户', table: 'users', name: 'display_name' },
  organisation: { label: '机构', table: 'organisations', name: 'name' },
  case: { label: '案件', table: 'cases', name: 'title' },
  file: { label: '文件', table: 'files', name: 'name' },
  settings: { label: '系统设置' },
  calendarYear: { label: '工作日历' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX = 300;

export interface RawEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  payload: Record<string, unknown>;
}

/** Every id an event mentions (its record and ids in its payload). */
function idsOf(e: RawEvent, into: Set<string>) {
  if (e.entityId && UUID.test(e.entityId)) into.add(e.entityId);
  const walk = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof v === 'string' && UUID.test(v)) into.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  walk(e.payload, 0);
}

/** Names of the records with these ids, from every table the catalogue names (one query). */
export async function resolveNames(
  db: DbOrTx,
  kinds: AuditEntityKind[],
  events: RawEvent[],
): Promise<Map<string, { name: string; kind: AuditEntityKind }>> {
  const ids = new Set<string>();
  for (const e of events) idsOf(e, ids);
  const out = new Map<string, { name: string; kind: AuditEntityKind }>();
  if (ids.size === 0) return out;
  const tables = kinds.filter((k) => k.table && k.name);
  // One text[] parameter (the ids are UUIDs checked above), joined by every table that names records.
  const list = `{${[...ids].join(',')}}`;
  const parts = tables.map(
    (k, i) =>
      sql`select t.id::text as id, t.${sql.identifier(k.name!)}::text as name, ${i}::int as k from ${sql.identifier(k.table!)} t where t.id::text in (select id from ids)`,
  );
  const rows = await queryRows<{ id: string; name: string | null; k: number }>(
    db,
    sql`with ids(id) as (select unnest(${list}::text[])) ${sql.join(parts, sql` union all `)}`,
  );
  for (const r of rows)
    if (r.name && !out.has(r.id)) out.set(r.id, { name: r.name, kind: tables[r.k] });
  return out;
}

const named = (kind: AuditEntityKind, name: string) =>
  (kind.quoted ? `《${name}》` : ` ${name}`) + (kind.suffix ?? '');

export function dateText(v: string): string {
  const d = DATE.exec(v);
  return d ? `${d[1]}年${Number(d[2])}月${Number(d[3])}日` : v;
}

/** The object column: 「规范性文件《…》」, 「用户 王晓明」. */
export function objectText(
  cat: AuditCatalogue,
  e: RawEvent,
  names: Map<string, { name: string }>,
): string {
  const kind = cat.entity(e.entityType);
  const label = kind?.label ?? '记录';
  if (!e.entityId) return label;
  const hit = names.get(e.entityId);
  if (hit && kind) return `${label}${named(kind, hit.name)}`;
  if (e.entityType === 'calendarYear') return `${e.entityId}年工作日历`;
  if (e.entityType === 'settings') return `${label}（${e.entityId}）`;
  // A record deleted since, or one without a name column: its kind and a short reference.
  return UUID.test(e.entityId)
    ? `${label}（编号 ${e.entityId.slice(0, 8)}）`
    : `${label} ${e.entityId}`;
}

type Names = Map<string, { name: string; kind: AuditEntityKind }>;

function valueText(
  v: unknown,
  key: string,
  names: Names,
  fieldOptions?: Array<{ value: string; label: string }>,
): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    const option = fieldOptions?.find((o) => o.value === v);
    if (option) return option.label;
    if (key === 'roles' || key === 'before' || key === 'after') {
      const role = (ROLE_LABELS as Record<string, string>)[v];
      if (role) return role;
    }
    if (UUID.test(v)) {
      const hit = names.get(v);
      return hit
        ? `${hit.kind.label}${named(hit.kind, hit.name)}`.trim()
        : `（编号 ${v.slice(0, 8)}）`;
    }
    if (DATE.test(v)) return dateText(v);
    if (INSTANT.test(v)) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime()))
        return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    }
    return v.length > MAX ? `${v.slice(0, MAX)}…（共 ${v.length} 字）` : v;
  }
  if (Array.isArray(v))
    return v
      .map((x) => valueText(x, key, names, fieldOptions))
      .filter(Boolean)
      .join('、');
  return '';
}

/** The payload as labelled lines; nested objects become 「键：值；键：值」. */
export function detailsOf(cat: AuditCatalogue, e: RawEvent, names: Names): AuditDetail[] {
  const procedure =
    e.action.startsWith('case.') && typeof e.payload.procedure === 'string'
      ? e.payload.procedure
      : undefined;
  const def = procedure ? cat.procedure(procedure) : undefined;
  const act = def?.actions.find((a) => `case.${a.code}` === e.action);
  const label = (key: string) => cat.field(key, { procedure, action: e.action }) ?? key;
  const out: AuditDetail[] = [];
  const add = (key: string, v: unknown, depth = 0) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => {
          const text =
            x && typeof x === 'object' && !Array.isArray(x)
              ? ''
              : valueText(x, k, names, act?.fields?.find((f) => f.name === k)?.options);
          return text ? `${label(k)}：${text}` : '';
        })
        .filter(Boolean);
      if (depth === 0 && key === 'data')
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) add(k, x, 1);
      else if (inner.length) out.push({ label: label(key), value: inner.join('；') });
      return;
    }
    const text = valueText(v, key, names, act?.fields?.find((f) => f.name === key)?.options);
    if (text) out.push({ label: label(key), value: text });
  };
  for (const [key, v] of Object.entries(e.payload)) {
    if (def && key === 'procedure') out.push({ label: '程序', value: def.label });
    else if (def && key === 'status' && typeof v === 'string')
      out.push({ label: '办理后状态', value: def.statuses.find((s) => s.code === v)?.label ?? v });
    else if (def && key === 'seq')
      continue; // the case history's own numbering, not the chain's
    else if (key === 'module' && typeof v === 'string')
      out.push({ label: label(key), value: cat.moduleLabel(v) });
    else add(key, v);
  }
  return out;
}
