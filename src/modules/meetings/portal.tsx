// 会议公开议题 on the portal (/hyyt): the agenda topics of 局长办公会 / 党组会 marked public, once the
// meeting's agenda is published, with the meeting and (after it) its result.
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  firstString,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import { cases } from '../../core/cases/schema.ts';
import { agendaItems, meetings } from './schema.ts';
import { meetingName } from './labels.ts';

export const meetingSections: PortalSection[] = [
  { path: '/hyyt', title: '会议公开议题', summary: '局长办公会、党组会研究的公开议题及其结果。' },
];

export interface PublicTopic {
  id: string;
  title: string;
  summary: string;
  meeting: string;
  meetingOn: string;
  outcome: string | null;
  decisionId: string | null;
}

export async function publicTopics(
  db: DbOrTx,
  departmentId: string,
  limit: number,
  offset = 0,
): Promise<PublicTopic[]> {
  const rows = await db
    .select({ item: agendaItems, meeting: meetings, status: cases.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(
      and(
        eq(meetings.departmentId, departmentId),
        eq(agendaItems.isPublic, true),
        isNotNull(meetings.agendaPublishedOn),
      ),
    )
    .orderBy(desc(meetings.meetingOn), agendaItems.seq)
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    id: r.item.id,
    title: r.item.title,
    summary: r.item.publicSummary,
    meeting: meetingName(r.meeting),
    meetingOn: r.meeting.meetingOn,
    outcome: r.status === 'held' ? r.item.outcome : null,
    decisionId: r.item.subjectType === 'majorDecision' ? r.item.subjectId : null,
  }));
}

export function PublicTopics({ topics, heading }: { topics: PublicTopic[]; heading: string }) {
  return (
    <section className="panel" aria-labelledby="yt-title">
      <h2 id="yt-title">{heading}</h2>
      <table className="catalog">
        <caption className="visually-hidden">{heading}</caption>
        <thead>
          <tr>
            <th scope="col">会议</th>
            <th scope="col">日期</th>
            <th scope="col">议题</th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.id}>
              <td className="nowrap">{t.meeting}</td>
              <td className="nowrap">{cnDate(t.meetingOn)}</td>
              <td>
                {t.title}
                {t.summary ? `：${t.summary}` : ''}
              </td>
              <td className="nowrap">{t.outcome ?? '待审议'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const PAGE = 20;

export function meetingPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  return async function meetingsPortal(fastify) {
    fastify.get('/hyyt', async (req, reply) => {
      const n = Math.min(
        Math.max(Number(firstString((req.query as Record<string, unknown>)?.page)) || 1, 1),
        500,
      );
      const dept = await portalDepartment(ctx.db);
      const topics = dept ? await publicTopics(ctx.db, dept.id, PAGE + 1, (n - 1) * PAGE) : [];
      return sendPortalPage(req, reply, page, {
        title: '会议公开议题',
        children: (
          <>
            <h1>会议公开议题</h1>
            {topics.length ? (
              <PublicTopics topics={topics.slice(0, PAGE)} heading="公开议题" />
            ) : (
              <p>暂无公开议题。</p>
            )}
            {n > 1 || topics.length > PAGE ? (
              <nav className="pagination" aria-label="分页">
                {n > 1 ? <a href={`/hyyt?page=${n - 1}`}>上一页</a> : null}　第{n}页　
                {topics.length > PAGE ? <a href={`/hyyt?page=${n + 1}`}>下一页</a> : null}
              </nav>
            ) : null}
          </>
        ),
      });
    });
  };
}
