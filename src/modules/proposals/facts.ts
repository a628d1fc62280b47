/** 建议提案 facts for the annual report: suggestions and proposals handled (replied), and replies published. */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Fact } from '../../core/facts.ts';

export async function proposalFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [c] = await queryRows<{
    assigned: number;
    deputy: number;
    cppcc: number;
    handled: number;
    onTime: number;
    published: number;
  }>(
    ctx.db,
    sql`select count(*)::int as assigned,
      count(*) filter (where kind = 'deputy' and replied_on is not null)::int as deputy,
      count(*) filter (where kind = 'cppcc' and replied_on is not null)::int as cppcc,
      count(*) filter (where replied_on is not null)::int as handled,
      count(*) filter (where replied_on is not null and replied_on <= due_on)::int as "onTime",
      count(*) filter (where published_on is not null)::int as published
      from proposals where department_id = ${departmentId} and extract(year from assigned_on) = ${year}`,
  );
  const records = (fact: string) => ({ path: '/api/proposals', query: { year, fact } });
  return [
    {
      key: 'proposals.handled',
      label: '办理人大代表建议和政协提案',
      value: c.handled,
      unit: '件',
      sentence: c.handled
        ? `办理人大代表建议${c.deputy}件、政协提案${c.cppcc}件，按期答复${c.onTime}件。`
        : '',
      method:
        '本年度交办的人大代表建议、政协提案中已答复的件数（代表法第五十一条：交办之日起3个月内，难度大的6个月内答复）。',
      records: records('handled'),
    },
    {
      key: 'proposals.published',
      label: '公开建议提案答复',
      value: c.published,
      unit: '件',
      sentence: c.published ? `在门户网站公开建议提案答复${c.published}件。` : '',
      method:
        '本年度交办的建议提案中答复全文（复文）已在门户网站公开的件数（国办发〔2014〕46号）。',
      records: records('published'),
    },
  ];
}
