/**
 * Penalty decisions for a provincial “互联网+监管” feed or the 国家企业信用信息公示系统 (no outbound
 * connection: a download and `GET /api/penalties/export`).
 *
 * Format (one record per decision made in the year, 简易程序 included, revoked ones flagged):
 *   caseNo            立案编号 / 当场处罚决定书编号
 *   decisionNo        行政处罚决定书文号
 *   procedure         general | summary (普通程序 / 简易程序)
 *   partyKind         individual | organisation
 *   partyName         当事人名称 (a natural person's name masked: 张某)
 *   creditCode        统一社会信用代码 (organisations only; empty for natural persons)
 *   penaltyTypes      处罚种类, Chinese labels joined by 、
 *   fineAmount        罚款金额（元）, number
 *   confiscationAmount 没收金额（元）, number
 *   facts             违法事实 (as decided)
 *   basis             处罚依据
 *   decidedOn         决定日期 YYYY-MM-DD
 *   authority         处罚机关 (the department's name)
 *   authorityCode     处罚机关统一社会信用代码
 *   publishedOn       公示日期 YYYY-MM-DD or empty
 *   status            valid | revoked (决定被变更、撤销或确认违法、无效)
 * CSV: UTF-8 with BOM, header row of the field names above, RFC 4180 quoting. JSON: { year, authority, records: [...] }.
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { penaltyCases } from './schema.ts';
import { authorize } from './policy.ts';
import { typeLabels } from './labels.ts';
import { maskName } from './rules.ts';

export const FEED_FIELDS = [
  'caseNo',
  'decisionNo',
  'procedure',
  'partyKind',
  'partyName',
  'creditCode',
  'penaltyTypes',
  'fineAmount',
  'confiscationAmount',
  'facts',
  'basis',
  'decidedOn',
  'authority',
  'authorityCode',
  'publishedOn',
  'status',
] as const;
export type FeedRecord = Record<(typeof FEED_FIELDS)[number], string | number>;

export async function feedRecords(
  ctx: Ctx,
  actor: Actor,
  year: number,
): Promise<{ year: number; authority: string; records: FeedRecord[] }> {
  authorize(actor, 'penaltyCase', 'exportFeed');
  const dept = await getOrg(ctx.db, actor.departmentId);
  const rows = await ctx.db
    .select()
    .from(penaltyCases)
    .where(
      and(
        eq(penaltyCases.departmentId, actor.departmentId),
        eq(penaltyCases.decisionType, 'penalty'),
        isNotNull(penaltyCases.decidedOn),
        sql`extract(year from ${penaltyCases.decidedOn}) = ${year}`,
      ),
    )
    .orderBy(asc(penaltyCases.decidedOn), asc(penaltyCases.decisionNo));
  return {
    year,
    authority: dept.name,
    records: rows.map((p) => {
      const d = (p.decision ?? {}) as { facts?: string; basis?: string };
      return {
        caseNo: p.caseNo,
        decisionNo: p.decisionNo ?? '',
        procedure: p.mode,
        partyKind: p.partyKind,
        partyName: p.partyKind === 'individual' ? maskName(p.partyName) : p.partyName,
        creditCode: p.partyKind === 'organisation' ? p.partyIdNo : '',
        penaltyTypes: typeLabels(p.penaltyTypes),
        fineAmount: p.fineAmount ?? 0,
        confiscationAmount: p.confiscationAmount ?? 0,
        facts: d.facts ?? '',
        basis: d.basis ?? '',
        decidedOn: p.decidedOn ?? '',
        authority: dept.name,
        authorityCode: dept.creditCode ?? '',
        publishedOn: p.publishedOn ?? '',
        status: p.revokedOn ? 'revoked' : 'valid',
      };
    }),
  };
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function feedCsv(records: FeedRecord[]): string {
  return (
    '\ufeff' +
    [
      FEED_FIELDS.join(','),
      ...records.map((r) => FEED_FIELDS.map((f) => cell(r[f])).join(',')),
    ].join('\r\n') +
    '\r\n'
  );
}
