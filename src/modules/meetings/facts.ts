/**
 * Facts of 局长办公会 / 党组会 for the annual report (part 依法科学民主决策): sessions held, agenda
 * topics, and meetings attended by public representatives (列席), e.g. "局长办公会议题…19期",
 * "主动邀请公众代表列席局长办公会". A count of nothing says nothing (an empty sentence): the report
 * leaves it out rather than print "召开局长办公会0期".
 */
import { sql } from 'drizzle-orm';
import type { Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';

export interface MeetingCounts {
  directors: number;
  party: number;
  topics: number;
  publicTopics: number;
  withPublic: number;
  publicPeople: number;
}

/** The facts from the counts (pure). The 局长办公会 sentence names the 党组会 too; the 党组会 one speaks alone only without the other. */
export function meetingFactsFrom(year: number, c: MeetingCounts): Fact[] {
  const list = (query: Record<string, string | number | boolean>) => ({
    path: '/api/meetings',
    query: { year, status: 'held', ...query },
  });
  return [
    {
      key: 'meetings.directorsOffice',
      label: '召开局长办公会',
      value: c.directors,
      unit: '期',
      sentence: c.directors
        ? `召开局长办公会${c.directors}期${c.party ? `、党组会${c.party}次` : ''}。`
        : '',
      method: '本年度已登记会议记录的局长办公会期数。',
      records: list({ kind: 'directorsOffice' }),
    },
    {
      key: 'meetings.partyGroup',
      label: '召开党组会',
      value: c.party,
      unit: '次',
      sentence: c.party && !c.directors ? `召开党组会${c.party}次。` : '',
      method: '本年度已登记会议记录的党组会次数。',
      records: list({ kind: 'partyGroup' }),
    },
    {
      key: 'meetings.topics',
      label: '会议研究议题',
      value: c.topics,
      unit: '个',
      sentence: c.topics
        ? `会议研究议题${c.topics}个${c.publicTopics ? `，其中向社会公开议题${c.publicTopics}个` : ''}。`
        : '',
      method: '本年度已召开会议的议题数；公开议题为标记公开且已在门户网站公布的议题。',
      records: list({}),
    },
    {
      key: 'meetings.publicAttendance',
      label: '邀请公众代表列席会议',
      value: c.withPublic,
      unit: '次',
      sentence: c.withPublic
        ? `主动邀请公众代表列席会议${c.withPublic}次${c.publicPeople > c.withPublic ? `，共${c.publicPeople}人次` : ''}。`
        : '',
      method: '会议记录中登记了列席公众代表的会议次数及人次。',
      records: list({ publicAttendance: true }),
    },
  ];
}

export async function meetingFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [c] = await queryRows<MeetingCounts>(
    ctx.db,
    sql`with held as (select m.* from meetings m join cases c on c.id = m.case_id where m.department_id = ${departmentId} and m.year = ${year} and c.status = 'held')
    select
      (select count(*)::int from held where kind = 'directorsOffice') as directors,
      (select count(*)::int from held where kind = 'partyGroup') as party,
      (select count(*)::int from meeting_agenda_items i join held m on m.id = i.meeting_id) as topics,
      (select count(*)::int from meeting_agenda_items i join held m on m.id = i.meeting_id where i.is_public and m.agenda_published_on is not null) as "publicTopics",
      (select count(*)::int from held where jsonb_array_length(public_attendees) > 0) as "withPublic",
      (select coalesce(sum(jsonb_array_length(public_attendees)), 0)::int from held) as "publicPeople"`,
  );
  return meetingFactsFrom(year, c);
}
