import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inTx, type Ctx } from '../../../core/context.ts';
import { isoDate, parse } from '../../../core/http/validate.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize, can } from '../../../core/auth/policy.ts';
import { getSetting } from '../../../core/settings/service.ts';
import { indexNumberSettings } from '../../../core/numbering/indexNumber.ts';
import { classificationSettings, RESERVED, VALIDITY_LABELS, VALIDITIES } from './categories.ts';
import { dueOf, getPublication, listPublications, publish, withdraw } from './service.ts';
import { getGuide, guideSchema, updateGuide } from './guide.ts';
import { classificationsInput, classificationUsage, updateClassifications } from './classifications.ts';

const listQuery = z.object({
  q: z.string().trim().max(100).optional().describe('关键字'),
  category: z.string().max(40).optional().describe('组配分类'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年份'),
  status: z.enum(['published', 'withdrawn']).optional().describe('状态'),
  late: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('是否超期公开'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const idParam = z.object({ id: z.uuid().describe('编号') });
const dueQuery = z.object({ formedOn: isoDate('生成日期'), publishedOn: isoDate('发布日期').optional() });

const publishBody = z.object({
  title: z.string().trim().min(1).max(200).describe('名称'),
  category: z.string().trim().min(1).max(40).describe('组配分类'),
  topic: z.string().trim().min(1).max(40).describe('主题分类'),
  keywords: z.array(z.string().trim().min(1).max(20)).max(10).default([]).describe('关键词'),
  docNumber: z.string().trim().max(50).nullable().optional().describe('文号'),
  formedOn: isoDate('生成日期'),
  publishedOn: isoDate('发布日期').optional(),
  publishedVia: z.string().trim().max(100).nullable().optional().describe('首次发布渠道'),
  summary: z.string().trim().max(500).default('').describe('内容概述'),
  body: z.string().trim().min(1).max(200_000).describe('正文'),
  validity: z.enum(VALIDITIES as [string, ...string[]]).nullable().optional().describe('有效性'),
  attachmentIds: z.array(z.uuid()).max(20).default([]).describe('附件'),
  confidentialityReview: z
    .object({
      reviewer: z.string().trim().min(1).max(50).describe('保密审查人'),
      conclusion: z.literal('public', { error: '须确认“经审查，不涉及国家秘密，可以公开”' }).describe('保密审查结论'),
      on: isoDate('保密审查日期'),
      note: z.string().trim().max(500).optional().describe('审查意见'),
    })
    .describe('保密审查'),
});
const withdrawBody = z.object({ reason: z.string().trim().min(4).max(500).describe('撤回理由') });

export function publicationRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/publications/meta', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'publication', 'list');
    const nowMs = ctx.clock.now().getTime();
    const classes = await getSetting(ctx.db, classificationSettings, nowMs);
    const { pattern } = await getSetting(ctx.db, indexNumberSettings, nowMs);
    return {
      ...classes,
      validities: VALIDITIES.map((code) => ({ code, label: VALIDITY_LABELS[code] })),
      indexPattern: pattern,
      today: ctx.clock.today(),
      reviewer: actor.displayName,
      abilities: { publish: can(actor, 'publication', 'publish'), editGuide: can(actor, 'disclosureGuide', 'edit') },
    };
  });
  app.get('/api/publications/due', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'publication', 'list');
    const { formedOn, publishedOn = ctx.clock.today() } = parse(dueQuery, req.query);
    const due = dueOf(ctx, formedOn);
    return { ...due, today: ctx.clock.today(), publishedOn, late: publishedOn > due.due };
  });
  app.get('/api/publications', async (req) => {
    const actor = requireActor(req);
    const q = parse(listQuery, req.query);
    return listPublications(ctx, actor, q);
  });
  app.post('/api/publications', async (req) => {
    const actor = requireActor(req);
    const body = parse(publishBody, req.body);
    const result = await inTx(ctx, (tx) => publish(tx, ctx, actor, { ...body, validity: body.validity as never, source: null }));
    return getPublication(ctx, actor, result.id);
  });
  app.get('/api/publications/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    return getPublication(ctx, actor, id);
  });
  app.post('/api/publications/:id/withdraw', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const { reason } = parse(withdrawBody, req.body);
    await withdraw(ctx, actor, id, reason);
    return getPublication(ctx, actor, id);
  });

  // 组配分类 / 主题分类 lists (系统管理员): each entry with its use, so the screen knows what cannot be removed.
  const classificationView = async () => {
    const value = await getSetting(ctx.db, classificationSettings, ctx.clock.now().getTime(), 0);
    const used = await classificationUsage(ctx.db);
    const view = (kind: 'categories' | 'topics') => value[kind].map((l) => ({ ...l, used: used[kind].get(l.code) ?? 0, reservedFor: RESERVED[kind][l.code] ?? null }));
    return { categories: view('categories'), topics: view('topics') };
  };
  app.get('/api/settings/disclosure-classifications', async (req) => {
    authorize(requireActor(req), 'businessSettings', 'manage');
    return classificationView();
  });
  app.put('/api/settings/disclosure-classifications', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'businessSettings', 'manage');
    await updateClassifications(ctx, actor, parse(classificationsInput, req.body));
    return classificationView();
  });

  app.get('/api/disclosure/guide', async (req) => {
    const actor = requireActor(req);
    return { guide: await getGuide(ctx.db, actor.departmentId, ctx.clock.now().getTime()), canEdit: can(actor, 'disclosureGuide', 'edit') };
  });
  app.put('/api/disclosure/guide', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'disclosureGuide', 'edit');
    const body = parse(guideSchema, req.body);
    return { guide: await updateGuide(ctx, actor, body), canEdit: true };
  });
}
