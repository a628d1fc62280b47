/**
 * One published 行政规范性文件 as the portal shows it: the text and 解读, the 主动公开 metadata, the
 * derived legal status with its history (versions, 废止/失效), and the published 意见采纳情况.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { getSetting } from '../../core/settings/service.ts';
import { classificationSettings, labelOf, VALIDITY_LABELS } from '../disclosure/index.ts';
import { publicationRecord } from '../disclosure/index.ts';
import { listComments, latestFor } from '../consultation/index.ts';
import { dispositionReport, cnDate } from '../consultation/index.ts';
import { normativeDocuments } from './schema.ts';
import { eventsOf } from './validity.ts';
import { legalStatus, ENDING_LABELS } from './status.ts';
import { statusLabel, type PublicDocument } from './portalViews.tsx';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document of the department published on the portal, or null (unknown, another department's, unpublished). */
export async function publicDocument(
  ctx: Ctx,
  departmentId: string,
  id: string,
): Promise<PublicDocument | null> {
  if (!UUID.test(id)) return null;
  const [d] = await ctx.db
    .select()
    .from(normativeDocuments)
    .where(
      and(
        eq(normativeDocuments.id, id),
        eq(normativeDocuments.departmentId, departmentId),
        isNotNull(normativeDocuments.publishedOn),
      ),
    );
  if (!d) return null;
  const pub = d.publicationId ? await publicationRecord(ctx.db, d.publicationId) : undefined;
  const events = await eventsOf(ctx.db, d.id);
  const s = legalStatus({
    events,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    today: ctx.clock.today(),
  });
  const classes = await getSetting(ctx.db, classificationSettings, ctx.clock.now().getTime());
  const c = await latestFor(ctx.db, 'normativeDocument', d.id);
  const versions = await ctx.db
    .select()
    .from(normativeDocuments)
    .where(
      and(eq(normativeDocuments.lineageId, d.lineageId), isNotNull(normativeDocuments.publishedOn)),
    )
    .orderBy(asc(normativeDocuments.version));
  const history: PublicDocument['history'] = [];
  for (const v of versions)
    history.push({
      on: v.publishedOn!,
      text: `发布${v.docNumber ?? ''}${v.version > 1 ? `（第${v.version}版）` : ''}`,
      href: v.id === d.id ? undefined : `/gfxwj/${v.id}`,
    });
  for (const e of events)
    if (e.kind in ENDING_LABELS)
      history.push({
        on: e.on,
        text: `${ENDING_LABELS[e.kind as keyof typeof ENDING_LABELS]}${e.act ? `（${e.act}）` : ''}`,
      });
  if (s.ending === 'expired' && !events.some((e) => e.kind === 'expired'))
    history.push({ on: s.since!, text: ENDING_LABELS.expired });
  history.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const status = statusLabel(s.status);
  const meta: Array<[string, string]> = [
    ['索引号', pub?.indexNumber ?? ''],
    ['组配分类', pub ? labelOf(classes.categories, pub.category) : '规范性文件'],
    ['发布机构', pub?.publisherName ?? ''],
    ['主题分类', labelOf(classes.topics, d.topic)],
    ['有效性', status || VALIDITY_LABELS.inForce],
    ['关键词', d.keywords],
    ['名称', d.title],
    ['文号', d.docNumber ?? ''],
    ['统一登记号', d.registrationNumber ?? ''],
    ['发文日期', d.issuedOn ? cnDate(d.issuedOn) : ''],
    ['发布日期', cnDate(d.publishedOn!)],
    ['施行日期', d.effectiveOn ? cnDate(d.effectiveOn) : ''],
    ['有效期至', d.validUntil ? cnDate(d.validUntil) : ''],
  ];
  const feedback = c?.reportPublishedOn
    ? {
        report: dispositionReport(c, await listComments(ctx.db, c.id)),
        publishedOn: c.reportPublishedOn,
        consultationId: c.id,
      }
    : null;
  return {
    id: d.id,
    title: d.title,
    bodyText: d.bodyText,
    interpretation: d.interpretation,
    legalStatus: s.status,
    ending: s.ending ? { kind: s.ending, on: s.since, act: s.act } : null,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    registrationNumber: d.registrationNumber,
    meta: meta.filter(([, v]) => v),
    feedback,
    history,
  };
}
