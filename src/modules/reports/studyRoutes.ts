/** 学法 sessions and 述法 entries: list, add, remove (the records behind part 三's figures). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { addStatement, addStudySession, listStudy, removeStudyRecord, STATEMENT_FORMS, STATEMENT_RANKS, STUDY_KINDS } from './study.ts';

const text = (label: string, max: number, min = 0) => z.string().trim().min(min).max(max).describe(label);
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const sessionBody = z.object({
  heldOn: isoDate('学法日期'),
  kind: z.enum(keys(STUDY_KINDS)).describe('学法形式'),
  topic: text('学习内容', 200, 2),
  speaker: text('主讲人', 60).default(''),
  durationMinutes: z.number().int().min(10).max(1440).describe('时长（分钟）'),
  attendees: z.number().int().min(1).max(10_000).describe('参加人数'),
  ledByHead: z.boolean().default(false).describe('主要负责人主持或讲授'),
});
const statementBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('述法年度'),
  personName: text('述法人', 40, 2),
  position: text('职务', 60, 2),
  rank: z.enum(keys(STATEMENT_RANKS)).describe('身份'),
  statedOn: isoDate('述法日期'),
  form: z.enum(keys(STATEMENT_FORMS)).describe('述法形式'),
  summary: text('述法要点', 5000).default(''),
});

export function studyRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/reports/study', async (req) => {
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    return { ...(await listStudy(ctx, requireActor(req), year)), kinds: STUDY_KINDS, forms: STATEMENT_FORMS, ranks: STATEMENT_RANKS };
  });
  app.post('/api/reports/study/sessions', async (req) => ({ id: await addStudySession(ctx, requireActor(req), parse(sessionBody, req.body)) }));
  app.post('/api/reports/study/statements', async (req) => ({ id: await addStatement(ctx, requireActor(req), parse(statementBody, req.body)) }));
  app.delete('/api/reports/study/:kind/:id', async (req, reply) => {
    const p = parse(z.object({ kind: z.enum(['session', 'statement']).describe('类别'), id: z.uuid().describe('编号') }), req.params);
    await removeStudyRecord(ctx, requireActor(req), p.kind, p.id);
    return reply.status(204).send();
  });
}
