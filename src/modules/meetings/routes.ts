import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate } from '../../core/http/validate.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize, can } from './policy.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { addTopic, createMeeting, publishAgenda, recordHeld } from './service.ts';
import { agendaOf, listMeetings, loadMeeting, meetingActions } from './queries.ts';
import { subjectChoices } from './subjects.ts';
import { MEETING_KIND_LABELS, meetingName, SUBJECT_LABELS } from './labels.ts';
import { meetingFacts } from './facts.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const kind = z.enum(['directorsOffice', 'partyGroup']).describe('会议类型');

const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  kind: kind.optional(),
  status: z.enum(['planned', 'held']).optional().describe('状态'),
  publicAttendance: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('是否有公众代表列席'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const createBody = z.object({
  kind,
  meetingOn: isoDate('会议日期'),
  sessionNo: z.number().int().min(1).max(999).nullish().describe('期次'),
  location: text('会议地点', 100).optional(),
  chair: text('主持人', 50).optional(),
});
const topicBody = z.object({
  title: text('议题名称', 200, 2),
  subjectType: z.enum(['normativeDocument', 'reviewMatter', 'other']).describe('议题类型'),
  subjectId: z.uuid().nullish().describe('关联事项'),
  presenter: text('汇报单位', 100).optional(),
  isPublic: z.boolean().default(false).describe('是否公开'),
  publicSummary: text('公开的议题说明', 2000).optional(),
});
const heldBody = z.object({
  attendees: text('出席人员', 2000, 2),
  absentees: text('缺席人员', 2000).optional(),
  publicAttendees: z
    .array(z.object({ name: text('姓名', 50, 1), identity: text('身份', 100, 1) }))
    .max(50)
    .default([])
    .describe('列席的公众代表'),
  minutes: text('会议纪要', 50_000, 10),
});

async function meetingView(ctx: Ctx, actor: Actor, id: string) {
  const m = await loadMeeting(ctx.db, actor, id);
  const items = await agendaOf(ctx.db, [m.id]);
  // The buttons are the acts the engine allows now (procedure.ts), for an actor who manages meetings.
  const allowed = await meetingActions(ctx, actor, m);
  const subjects = allowed.has('addAgendaItem') ? await subjectChoices(ctx.db, m.departmentId) : [];
  return {
    subjects,
    meeting: { ...m, name: meetingName(m), kindLabel: MEETING_KIND_LABELS[m.kind] },
    agenda: items.map((i) => ({
      ...i,
      subjectLabel: SUBJECT_LABELS[i.subjectType],
      link:
        i.subjectType === 'majorDecision'
          ? `/decisions/${i.subjectId}`
          : i.subjectType === 'normativeDocument'
            ? `/documents/${i.subjectId}`
            : i.subjectType === 'reviewMatter'
              ? `/reviews/${i.subjectId}`
              : null,
    })),
    abilities: {
      addTopic: allowed.has('addAgendaItem'),
      recordHeld: allowed.has('hold'),
      publishAgenda: allowed.has('publishAgenda'),
    },
  };
}

export function meetingRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/meetings',
    { schema: { summary: '会议列表', querystring: listQuery } },
    async (req) => {
      const { total, rows } = await listMeetings(ctx, requireActor(req), req.query);
      return { total, items: rows };
    },
  );
  const yearQuery = z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  });
  api.get(
    '/api/meetings/facts',
    {
      schema: { summary: '年度报告的会议数据', querystring: yearQuery },
      preValidation: guard((a) => authorize(a, 'meeting', 'list')),
    },
    async (req) => ({
      facts: await meetingFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  api.post(
    '/api/meetings',
    {
      schema: { summary: '新建会议', body: createBody },
      preValidation: guard((a) => authorize(a, 'meeting', 'manage')),
    },
    async (req) => {
      const actor = requireActor(req);
      const m = await createMeeting(ctx, actor, req.body);
      return meetingView(ctx, actor, m.id);
    },
  );
  api.get(
    '/api/meetings/:id',
    { schema: { summary: '会议（议程、可办理的操作）', params: idParam } },
    async (req) => meetingView(ctx, requireActor(req), req.params.id),
  );
  // The meeting is looked up (out of scope: 404) and its manager checked before the body is.
  const manages = guard(async (a, req) =>
    authorize(a, 'meeting', 'manage', await loadMeeting(ctx.db, a, paramsOf(req, idParam).id)),
  );
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: Actor, id: string, body: z.output<S>) => Promise<unknown>,
  ) =>
    api.post(
      `/api/meetings/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: manages },
      async (req) => {
        const actor = requireActor(req);
        await run(actor, req.params.id, req.body as z.output<S>);
        return meetingView(ctx, actor, req.params.id);
      },
    );
  post('/agenda', '添加议题', topicBody, (a, id, b) => addTopic(ctx, a, id, b));
  post('/held', '记录会议召开情况', heldBody, (a, id, b) => recordHeld(ctx, a, id, b));
  post('/publish-agenda', '公开议题', noBody, (a, id) => publishAgenda(ctx, a, id));
}
