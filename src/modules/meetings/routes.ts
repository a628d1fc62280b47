import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { fieldView } from '../../core/http/forms.ts';
import { fieldSchema, fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize, can } from './policy.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { addTopic, createMeeting, publishAgenda, recordHeld } from './service.ts';
import { agendaOf, listMeetings, loadMeeting, meetingActions } from './queries.ts';
import { subjectChoices } from './subjects.ts';
import { MEETING_KIND_LABELS, meetingName, SUBJECT_LABELS } from './labels.ts';
import { meetingFacts } from './facts.ts';
import {
  KIND,
  LIST_FORMS,
  MEETING_FORMS,
  PUBLIC_ATTENDEES,
  parseAttendees,
  type MeetingForm,
} from './forms.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const kind = fieldsSchema([KIND]).shape.kind;

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
// The bodies are the declared forms' (forms.ts) and what the API takes besides: a chosen session
// number, a linked record's type, the 列席 representatives as a list.
const createBody = fieldsSchema(LIST_FORMS.create).extend({
  sessionNo: z.number().int().min(1).max(999).nullish().describe('期次'),
});
const topicBody = fieldsSchema(MEETING_FORMS.topic).extend({
  subjectType: z
    .enum(['normativeDocument', 'reviewMatter', 'other'])
    .optional()
    .describe('议题类型'),
});
const attendee = z.object({
  name: z.string().trim().min(1).max(50).describe('姓名'),
  identity: z.string().trim().min(1).max(100).describe('身份'),
});
const attendeeList = z.array(attendee).max(50).describe(PUBLIC_ATTENDEES.label);
const heldBody = fieldsSchema(MEETING_FORMS.held).extend({
  // The form's lines, one representative a line, or the list itself; none when left out.
  publicAttendees: z
    .union([
      attendeeList,
      fieldSchema(PUBLIC_ATTENDEES)
        .transform((v) => parseAttendees(String(v ?? '')))
        .pipe(attendeeList),
    ])
    .describe(PUBLIC_ATTENDEES.label),
});

async function meetingView(ctx: Ctx, actor: Actor, id: string) {
  const m = await loadMeeting(ctx.db, actor, id);
  const items = await agendaOf(ctx.db, [m.id]);
  // The buttons are the acts the engine allows now (procedure.ts), for an actor who manages meetings.
  const allowed = await meetingActions(ctx, actor, m);
  const subjects = allowed.has('addAgendaItem') ? await subjectChoices(ctx.db, m.departmentId) : [];
  return {
    // The page's forms, declared once (forms.ts); 关联事项 offers the records a topic may link to.
    forms: Object.fromEntries(
      Object.entries(MEETING_FORMS).map(([k, fields]) => [
        k,
        fields.map((f) => fieldView(f, f.name === 'subjectId' ? subjects : undefined)),
      ]),
    ) as Record<MeetingForm, Array<ReturnType<typeof fieldView>>>,
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
