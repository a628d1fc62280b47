/**
 * Facts of 12345 tickets and 网民留言 for the annual report (RULES §7.2, §11): received by type and
 * channel ("办理网民留言(12345市长热线)14宗"), replied on time, 回访 satisfaction, and 好差评. Each value is
 * the count of the records its link lists; the rates are in the sentences.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { queryRows } from '../../core/db/client.ts';
import { pct, type Fact } from '../../core/facts.ts';
import { CHANNELS, KINDS, labelOf } from './labels.ts';

export interface HotlineCounts {
  total: number;
  replied: number;
  onTime: number;
  visited: number;
  satisfied: number;
  rated: number;
  good: number;
  byKind: Record<string, number>;
  byChannel: Record<string, number>;
}

/** One pass over the year's tickets and one over its ratings. */
export async function hotlineCounts(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<HotlineCounts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // One scan grouped by (type, channel) — at most 30 groups, a parallel aggregate — summed here.
  const rows = await queryRows<{
    kind: string;
    channel: string;
    total: number;
    replied: number;
    on_time: number;
    visited: number;
    satisfied: number;
  }>(
    db,
    sql`select kind, channel, count(*)::int as total,
          count(*) filter (where replied_on is not null)::int as replied,
          count(*) filter (where replied_on is not null and not late)::int as on_time,
          count(*) filter (where satisfaction is not null)::int as visited,
          count(*) filter (where satisfaction in ('satisfied','basic'))::int as satisfied
        from hotline_tickets where department_id = ${departmentId} and received_on between ${from} and ${to} and merged_into is null
        group by kind, channel`,
  );
  const c = {
    total: 0,
    replied: 0,
    onTime: 0,
    visited: 0,
    satisfied: 0,
    byKind: {} as Record<string, number>,
    byChannel: {} as Record<string, number>,
  };
  for (const x of rows) {
    c.total += x.total;
    c.replied += x.replied;
    c.onTime += x.on_time;
    c.visited += x.visited;
    c.satisfied += x.satisfied;
    c.byKind[x.kind] = (c.byKind[x.kind] ?? 0) + x.total;
    c.byChannel[x.channel] = (c.byChannel[x.channel] ?? 0) + x.total;
  }
  const [r] = await queryRows<{ rated: number; good: number }>(
    db,
    sql`select count(*)::int as rated, count(*) filter (where score >= '3')::int as good from hotline_ratings where department_id = ${departmentId} and module = 'hotline' and rated_on between ${from} and ${to}`,
  );
  return { ...c, ...r };
}

const list = (year: number, query: Record<string, string | number | boolean> = {}) => ({
  path: '/api/hotline/tickets',
  query: { year, ...query },
});

export function hotlineFactsFrom(year: number, c: HotlineCounts): Fact[] {
  const parts = (
    m: Record<string, number>,
    labels: ReadonlyArray<{ value: string; label: string }>,
  ) =>
    labels
      .filter((l) => m[l.value])
      .map((l) => `${labelOf(labels, l.value)}${m[l.value]}宗`)
      .join('、');
  const kinds = parts(c.byKind, KINDS);
  const channels = parts(c.byChannel, CHANNELS);
  return [
    {
      key: 'hotline.tickets',
      label: '办理12345热线工单和网民留言',
      value: c.total,
      unit: '宗',
      sentence: c.total
        ? `办理网民留言（12345政务服务便民热线）${c.total}宗${kinds ? `，其中${kinds}` : ''}${channels ? `；按渠道：${channels}` : ''}。`
        : '',
      method:
        '本年度受理的12345热线工单和门户网站网民留言（并单的不重复计算），按诉求类型和来源渠道分列。',
      records: list(year),
    },
    {
      key: 'hotline.onTime',
      label: '按时办结的12345工单',
      value: c.onTime,
      unit: '宗',
      sentence: c.replied ? `按时答复${c.onTime}宗，按时办结率${pct(c.onTime, c.replied)}%。` : '',
      method: '在办理时限（含经批准的延期）内答复的工单数；按时办结率 = 按时答复数 ÷ 已答复数。',
      records: list(year, { onTime: true }),
      expect: c.replied
        ? {
            min: c.replied,
            shortfall: '12345热线工单未全部按时办结',
            suggestion: '加强工单办理时限管理，提高按时办结率',
          }
        : undefined,
    },
    {
      key: 'hotline.satisfaction',
      label: '回访满意的12345工单',
      value: c.satisfied,
      unit: '宗',
      sentence: c.visited
        ? `回访满意（含基本满意）${c.satisfied}宗，满意率${pct(c.satisfied, c.visited)}%。`
        : '',
      method: '热线回访结果为"满意"或"基本满意"的工单数；满意率 = 满意数 ÷ 已回访数。',
      records: list(year, { satisfied: true }),
    },
    {
      key: 'hotline.ratings',
      label: '政务服务"好差评"评价',
      value: c.rated,
      unit: '件',
      sentence: c.rated
        ? `政务服务"好差评"收到评价${c.rated}件，好评率${pct(c.good, c.rated)}%。`
        : '',
      method: '群众在门户网站对已办结工单和网民留言作出的评价数；好评为"基本满意"及以上。',
      records: list(year, { rated: true }),
    },
  ];
}

export async function hotlineFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  return hotlineFactsFrom(year, await hotlineCounts(ctx.db, departmentId, year));
}
