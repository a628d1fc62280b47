/**
 * Facts of the 权责清单 for the annual report (依法全面履行政府职能): the items in force, the year's
 * adjustments ("调整权责清单…项"), and the cases handled under licensing items ("办理外国人来华工作许可429宗").
 */
import { and, between, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Fact } from '../../core/facts.ts';
import { powerAdjustments, powerItems } from './schema.ts';
import { yearTotals } from './counts.ts';

export interface PowerCounts {
  inForce: number;
  added: number;
  adjusted: number;
  cancelled: number;
  licences: Array<{ name: string; total: number }>;
}

export function powerFactsFrom(year: number, c: PowerCounts): Fact[] {
  const changes = c.added + c.adjusted + c.cancelled;
  const parts = [
    c.added && `新增${c.added}项`,
    c.adjusted && `调整${c.adjusted}项`,
    c.cancelled && `取消${c.cancelled}项`,
  ].filter(Boolean);
  const total = c.licences.reduce((n, l) => n + l.total, 0);
  const named = c.licences.slice(0, 3).map((l) => `${l.name}${l.total}宗`);
  return [
    {
      key: 'powers.items',
      label: '权责清单事项',
      value: c.inForce,
      unit: '项',
      sentence: c.inForce
        ? `本部门权责清单共列明行政权力事项${c.inForce}项，并在门户网站公开。`
        : '',
      method: '权责清单中未取消的事项数。',
      records: { path: '/api/powers', query: { status: 'inForce' } },
    },
    {
      key: 'powers.adjustments',
      label: '调整权责清单',
      value: changes,
      unit: '项',
      sentence: changes ? `${year}年动态调整权责清单${changes}项（${parts.join('、')}）。` : '',
      method: '本年度调整记录（新增、调整、取消）的条数，以调整日期为准。',
      records: { path: '/api/powers/adjustments', query: { year } },
    },
    {
      key: 'powers.licensing',
      label: '办理行政许可',
      value: total,
      unit: '宗',
      sentence: total
        ? `全年办理${named.join('、')}${c.licences.length > 3 ? '等' : ''}${c.licences.length > 1 ? `，共计${total}宗` : ''}。`
        : '',
      method: '行政许可事项按月登记或按年导入的办件数量之和。',
      records: { path: '/api/powers/counts', query: { year, category: 'licensing' }, sum: 'count' },
    },
  ];
}

export async function powerFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [items, adjustments, totals] = await Promise.all([
    ctx.db
      .select({ id: powerItems.id })
      .from(powerItems)
      .where(and(eq(powerItems.departmentId, departmentId), ne(powerItems.status, 'cancelled'))),
    ctx.db
      .select({ action: powerAdjustments.action })
      .from(powerAdjustments)
      .where(
        and(
          eq(powerAdjustments.departmentId, departmentId),
          between(powerAdjustments.effectiveOn, `${year}-01-01`, `${year}-12-31`),
        ),
      ),
    yearTotals(ctx.db, departmentId, year),
  ]);
  const n = (a: string) => adjustments.filter((x) => x.action === a).length;
  return powerFactsFrom(year, {
    inForce: items.length,
    added: n('add'),
    adjusted: n('adjust'),
    cancelled: n('cancel'),
    licences: totals.filter((t) => t.category === 'licensing' && t.total > 0),
  });
}
