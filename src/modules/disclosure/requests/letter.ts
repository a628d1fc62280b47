/**
 * 政府信息公开申请答复书 (.docx, 公文格式): receipt date, request, decision, legal basis, delivery and
 * the remedies (复议 within 60 days, 诉讼 within 6 months; RULES §5.4 row 9 and the reply-letter note).
 */
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { getOrg } from '../../../core/orgs/service.ts';
import { AppError } from '../../../core/errors.ts';
import { gongwenDocx, type Block } from '../../../core/docx/gongwen.ts';
import { CHANNELS, DELIVERY_METHODS, OUTCOME_BY_CODE } from '../outcomes.ts';
import { answerEvents, defaultBasis, loadRequest } from './service.ts';
import { disclosureRequestFiles } from './schema.ts';
import { eq } from 'drizzle-orm';

export const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The decision sentence for an outcome (条例 Art 36 answer types). */
export function decisionText(code: string, reasons: string): string {
  const o = OUTCOME_BY_CODE.get(code);
  if (!o) throw new AppError('INTERNAL', `未知的答复类型：${code}`);
  const why = reasons.trim() ? `${reasons.trim().replace(/[。；;]$/, '')}。` : '';
  if (code === 'disclose') return `经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开。${why}`;
  if (code === 'partial') return `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分。${why}`;
  if (code.startsWith('withhold_')) return `经审查，您申请获取的政府信息${o.label}，本机关决定不予公开。${why}`;
  if (code.startsWith('unable_')) return `经检索查找，${o.label}，本机关无法提供。${why}`;
  if (code.startsWith('reject_')) return `经审查，您的申请属于“${o.label}”情形，本机关不予处理。${why}`;
  return `${why || '本机关对您的申请作如下处理。'}`;
}

export async function replyLetter(ctx: Ctx, actor: Actor, id: string): Promise<{ name: string; buffer: Buffer }> {
  const r = await loadRequest(ctx, actor, id);
  const events = await answerEvents(ctx.db, r.caseId);
  const answer = events.filter((e) => e.type === 'answer').at(-1);
  if (!answer) throw new AppError('ACTION_NOT_ALLOWED', '尚未作出答复，不能生成答复书');
  const data = answer.data as Record<string, string>;
  const basis = data.legalBasis || defaultBasis(data.outcome);
  const dept = await getOrg(ctx.db, r.departmentId);
  const superior = dept.parentId ? (await getOrg(ctx.db, dept.parentId)).name : '本级人民政府';
  const files = await ctx.db.select({ fileId: disclosureRequestFiles.fileId }).from(disclosureRequestFiles).where(eq(disclosureRequestFiles.requestId, r.id));
  const channel = (CHANNELS.find((c) => c.value === r.channel)?.label ?? r.channel).replace(/（.*）$/, '');
  const delivery = DELIVERY_METHODS.find((d) => d.value === data.delivery)?.label ?? (data.delivery || '');
  const blocks: Block[] = [
    { kind: 'p', text: `${r.name ?? '申请人'}：`, indent: false },
    { kind: 'p', text: `本机关于${cnDate(r.receivedOn)}收到您以${channel}方式提出的政府信息公开申请，申请获取“${r.description ?? '（申请内容未明确）'}”。` },
    { kind: 'p', text: decisionText(data.outcome, data.reasons ?? '') },
    ...(basis ? [{ kind: 'p' as const, text: `根据${basis}的规定，特此答复。` }] : [{ kind: 'p' as const, text: '特此答复。' }]),
    ...(files.length ? [{ kind: 'p' as const, text: `随本答复书提供政府信息${files.length}份。` }] : []),
    ...(delivery ? [{ kind: 'p' as const, text: `本答复书以${delivery}方式送达。` }] : []),
    { kind: 'p', text: `如对本答复不服，可以自收到本答复书之日起六十日内向${superior}申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。` },
    { kind: 'signature', lines: [dept.name, cnDate(answer.on)] },
  ];
  const buffer = await gongwenDocx({ title: '政府信息公开申请答复书', subtitle: data.replyLetterNo || undefined, blocks });
  return { name: `政府信息公开申请答复书-${answer.on}.docx`, buffer };
}
