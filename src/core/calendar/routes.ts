import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { isoDate, parse } from '../http/validate.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { computeDue } from './calendar.ts';
import { enterNotice, listDays, listYears } from './service.ts';

const dueQuery = z.object({
  from: isoDate('from'),
  count: z.coerce.number().int().min(0).max(3650).describe('count'),
  unit: z.enum(['workday', 'day']).describe('unit'),
  rollForward: z.enum(['true', 'false']).optional().describe('rollForward'),
});
const yearField = z.coerce.number().int().min(2000).max(2099).describe('年份');
const noticeBody = z.object({
  year: yearField,
  title: z.string().trim().min(4).max(200).describe('通知名称'),
  holidays: z
    .array(z.object({ name: z.string().trim().min(1).max(20).describe('节日名称'), from: isoDate('放假开始日期'), to: isoDate('放假结束日期') }))
    .min(1)
    .max(20)
    .describe('放假安排'),
  makeUpWorkdays: z.array(z.object({ date: isoDate('调休上班日期'), name: z.string().trim().max(20).default('调休上班').describe('说明') })).max(20).describe('调休上班'),
});

export function calendarRoutes(app: FastifyInstance, ctx: Ctx): void {
  // Public (no login): the workbench and the portal preview deadlines with it.
  app.get('/api/calendar/due', async (req) => {
    const q = parse(dueQuery, req.query, '参数');
    return computeDue(ctx.calendar.current(), { from: q.from, count: q.count, unit: q.unit, rollForward: q.rollForward === 'true' });
  });
  app.get('/api/calendar/years', async (req) => {
    requireActor(req);
    return listYears(ctx);
  });
  app.get('/api/calendar/days', async (req) => {
    requireActor(req);
    const { year } = parse(z.object({ year: yearField }), req.query);
    return listDays(ctx, year);
  });
  app.post('/api/calendar/notices', async (req) => {
    const actor = requireActor(req);
    const body = parse(noticeBody, req.body);
    authorize(actor, 'calendar', 'edit');
    return enterNotice(ctx, actor, body);
  });
}
