import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { called, guard, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { computeDue } from './calendar.ts';
import { enterNotice, listDays, listYears } from './service.ts';
import { CALENDAR_FORMS, DUE_FORMS } from './forms.ts';
import { fieldsSchema } from '../procedure/fieldSchema.ts';
import { formsRoute } from '../http/forms.ts';

// The calculator's form (forms.ts DUE_FORMS); a query's number comes as text, and the API has always
// taken whole days from 0 (the form asks for 1 or more) and rollForward (not asked by the form).
const [, COUNT] = DUE_FORMS.due;
const dueQuery = called(
  fieldsSchema(DUE_FORMS.due).extend({
    count: z.coerce.number().int().min(0).max(COUNT.max).describe(COUNT.label),
    rollForward: z.enum(['true', 'false']).optional().describe('期限末日为法定休假日时顺延'),
  }),
  '参数',
);
const yearField = z.coerce.number().int().min(2000).max(2099).describe('年份');
const noticeBody = fieldsSchema(CALENDAR_FORMS.notice).extend({ year: yearField });

export function calendarRoutes(app: FastifyInstance, ctx: Ctx): void {
  // Public (no login): the workbench and the portal preview deadlines with it.
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/calendar/due',
    {
      schema: { summary: '计算期限（工作日或自然日）', querystring: dueQuery },
      config: { public: true },
    },
    async (req) => {
      const q = req.query;
      return computeDue(ctx.calendar.current(), {
        from: q.from,
        count: q.count,
        unit: q.unit,
        rollForward: q.rollForward === 'true',
      });
    },
  );
  api.get('/api/calendar/years', { schema: { summary: '已录入的年度' } }, async () =>
    listYears(ctx),
  );
  api.get(
    '/api/calendar/days',
    { schema: { summary: '某年的节假日与调休上班日', querystring: z.object({ year: yearField }) } },
    async (req) => listDays(ctx, req.query.year),
  );
  formsRoute(app, 'calendar', {
    summary: '工作日历的表单（录入国务院放假通知）',
    guard: (a) => authorize(a, 'calendar', 'edit'),
    forms: CALENDAR_FORMS,
  });
  // The calculator is every account's (its answer is public): its form is read by any signed-in account.
  formsRoute(app, 'calendar/due', {
    summary: '期限试算的表单',
    guard: () => true,
    forms: DUE_FORMS,
  });
  api.post(
    '/api/calendar/notices',
    {
      schema: { summary: '录入国务院办公厅放假通知', body: noticeBody },
      preValidation: guard((a) => authorize(a, 'calendar', 'edit')),
    },
    async (req) => enterNotice(ctx, requireActor(req), req.body),
  );
}
