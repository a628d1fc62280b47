/**
 * 政府信息公开申请答复书 (.docx, 公文格式): receipt date, request, decision, legal basis, delivery and
 * the remedies (RULES §5.4 row 9 and the reply-letter note): 复议 within 60 days or 诉讼 within 6 months,
 * except that a refusal of disclosure must go to 复议 first (行政复议法 Art 23, outcomes.ts REVIEW_FIRST).
 */
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { getOrg } from '../../../core/orgs/service.ts';
import { AppError, forbidden } from '../../../core/errors.ts';
import { cases } from '../../../core/cases/schema.ts';
import { handlesRequest } from './masking.ts';
import { gongwenDocx, type Block } from '../../../core/docx/gongwen.ts';
import { DELIVERY_METHODS, OUTCOME_BY_CODE, REVIEW_FIRST } from '../outcomes.ts';
import { answerEvents, defaultBasis, loadRequest } from './service.ts';
import { disclosureRequestFiles } from './schema.ts';
import { eq } from 'drizzle-orm';

export const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Why the information is withheld, as the letter says it (the table 三 labels are not sentences). */
const WITHHELD_BECAUSE: Record<string, string> = {
  withhold_secret: '属于依法确定为国家秘密的政府信息', // 条例 Art 14
  withhold_law: '属于法律、行政法规禁止公开的政府信息', // Art 14
  withhold_safety: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', // Art 14
  withhold_thirdParty: '公开会损害第三方合法权益', // Arts 15, 32
  withhold_internal: '属于行政机关的内部事务信息', // Art 16 ¶1
  withhold_process: '属于行政机关在履行行政管理职能过程中形成的过程性信息', // Art 16 ¶2
  withhold_enforcement: '属于行政执法案卷信息', // Art 16 ¶2
  withhold_query: '属于行政查询事项',
};

/** How the request came in, as the letter says it (the channel labels name the receipt-date rule, not a phrase). */
const RECEIVED_BY: Record<string, string> = {
  inPerson: '当面提交',
  registeredPost: '以邮寄方式提交',
  mail: '以邮寄方式提交',
  online: '通过互联网渠道提交',
  fax: '以传真方式提交',
  email: '以电子邮件方式提交',
  oral: '口头提出',
};

/**
 * Applicant text put inside “…” of a sentence: quotes within it become single quotes (no “…“…”…” nesting) and
 * its closing full stop goes, since the sentence's own punctuation follows the closing quote (no 「。”。」).
 */
export function quoteZh(text: string): string {
  const t = text.trim().replace(/^“([^“”]*)”$/, '$1');
  return `“${t
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/[。；;，,、\s]+$/, '')}”`;
}

/** A sentence of applicant or staff text ending in one full stop (a closing quote after 。 already ends it). */
export function endSentence(text: string): string {
  const t = text.trim().replace(/[；;，,、\s]+$/, '');
  if (!t) return '';
  return /[。！？]$/.test(t) || /[。！？][”’」』）)]$/.test(t)
    ? t
    : `${t.replace(/[。；;]$/, '')}。`;
}

/** The letter's opening: when and how the request came in, and what it asked for (条例 Art 31, 29). */
export function receivedText(
  receivedOn: string,
  channel: string,
  description: string | null,
): string {
  const how = RECEIVED_BY[channel] ?? '提出';
  return `本机关于${cnDate(receivedOn)}收到您${how}的政府信息公开申请，申请获取${description?.trim() ? quoteZh(description) : '的政府信息未明确'}。`;
}

/**
 * The remedy sentence: a refusal (in whole or in part) goes to 复议 first, within 60 days (行政复议法 Arts 20, 23;
 * then 诉讼 within 15 days of the 复议决定, 行政诉讼法 Art 45); any other answer may go to either (60 days / 6 months).
 */
export function remedyText(code: string, reviewOrgan: string): string {
  if (REVIEW_FIRST.has(code)) {
    return `如对本答复不服，应当先自收到本答复书之日起六十日内向${reviewOrgan}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。依照《中华人民共和国行政复议法》第二十三条的规定，申请政府信息公开，行政机关不予公开的，应当先申请行政复议，不能直接向人民法院提起行政诉讼。`;
  }
  return `如对本答复不服，可以自收到本答复书之日起六十日内向${reviewOrgan}申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。`;
}

/** The decision sentence for an outcome (条例 Art 36 answer types). */
export function decisionText(code: string, reasons: string): string {
  const o = OUTCOME_BY_CODE.get(code);
  if (!o) throw new AppError('INTERNAL', `未知的答复类型：${code}`);
  const why = endSentence(reasons);
  if (code === 'disclose')
    return `经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开。${why}`;
  if (code === 'partial')
    return `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分。${why}`;
  if (code.startsWith('withhold_'))
    return `经审查，您申请获取的政府信息${WITHHELD_BECAUSE[code] ?? o.label}，本机关决定不予公开。${why}`;
  if (code.startsWith('unable_')) return `经检索查找，${o.label}，本机关无法提供。${why}`;
  if (code.startsWith('reject_'))
    return `经审查，您的申请属于“${o.label}”情形，本机关不予处理。${why}`;
  return `${why || '本机关对您的申请作如下处理。'}`;
}

export async function replyLetter(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; buffer: Buffer }> {
  const r = await loadRequest(ctx, actor, id);
  // The letter is addressed to the applicant (name, address): for the request's handlers only.
  const [{ orgId }] = await ctx.db
    .select({ orgId: cases.orgId })
    .from(cases)
    .where(eq(cases.id, r.caseId));
  if (!handlesRequest(actor, { departmentId: r.departmentId, orgId }))
    throw forbidden('答复书含申请人个人信息，仅承办科室、办公室和局领导可以下载');
  const events = await answerEvents(ctx.db, r.caseId);
  const answer = events.filter((e) => e.type === 'answer').at(-1);
  if (!answer) throw new AppError('ACTION_NOT_ALLOWED', '尚未作出答复，不能生成答复书');
  const data = answer.data as Record<string, string>;
  const basis = data.legalBasis || defaultBasis(data.outcome);
  const dept = await getOrg(ctx.db, r.departmentId);
  const superior = dept.parentId ? (await getOrg(ctx.db, dept.parentId)).name : '本级人民政府';
  const files = await ctx.db
    .select({ fileId: disclosureRequestFiles.fileId })
    .from(disclosureRequestFiles)
    .where(eq(disclosureRequestFiles.requestId, r.id));
  const delivery =
    DELIVERY_METHODS.find((d) => d.value === data.delivery)?.label ?? (data.delivery || '');
  const blocks: Block[] = [
    { kind: 'p', text: `${r.name ?? '申请人'}：`, indent: false },
    { kind: 'p', text: receivedText(r.receivedOn, r.channel, r.description) },
    { kind: 'p', text: decisionText(data.outcome, data.reasons ?? '') },
    ...(basis
      ? [{ kind: 'p' as const, text: `根据${basis}的规定，特此答复。` }]
      : [{ kind: 'p' as const, text: '特此答复。' }]),
    ...(files.length
      ? [{ kind: 'p' as const, text: `随本答复书提供政府信息${files.length}份。` }]
      : []),
    ...(delivery ? [{ kind: 'p' as const, text: `本答复书以${delivery}方式送达。` }] : []),
    { kind: 'p', text: remedyText(data.outcome, superior) },
    { kind: 'signature', lines: [dept.name, cnDate(answer.on)] },
  ];
  const buffer = await gongwenDocx({
    title: '政府信息公开申请答复书',
    subtitle: data.replyLetterNo || undefined,
    blocks,
  });
  return { name: `政府信息公开申请答复书-${answer.on}.docx`, buffer };
}
