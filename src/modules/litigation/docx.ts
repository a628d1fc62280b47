/**
 * The bureau's 行政复议答复书 (复议法 Art 48) or 行政诉讼答辩状 (诉讼法 Art 67) in 公文格式: the case, the
 * answer, the evidence list, the addressee and the bureau's name and date (2026年12月5日).
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import { gongwenDocx, type Block } from '../../core/docx/gongwen.ts';
import { loadLitigation } from './service.ts';

export async function answerDocx(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; buffer: Buffer }> {
  const r = await loadLitigation(ctx.db, actor, id);
  const [dept] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, r.departmentId));
  const bureau = dept?.name ?? '';
  const suit = r.kind === 'lawsuit';
  const title = suit ? '行政诉讼答辩状' : '行政复议答复书';
  const paragraphs = (r.answerText || '（答复要点尚未填写）')
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const blocks: Block[] = [
    { kind: 'p', text: `${suit ? '答辩人' : '被申请人'}：${bureau}`, indent: false },
    { kind: 'p', text: `${suit ? '原告' : '申请人'}：${r.applicant}`, indent: false },
    {
      kind: 'p',
      text: suit
        ? `原告${r.applicant}不服本机关${r.actTitle}，向${r.body}提起行政诉讼（${r.caseNo}）。本机关于${formatDateZh(r.receivedOn)}收到起诉状副本，现提出答辩如下：`
        : `申请人${r.applicant}不服本机关${r.actTitle}，向${r.body}申请行政复议（${r.caseNo}）。本机关于${formatDateZh(r.receivedOn)}收到行政复议申请书副本，现答复如下：`,
    },
    ...paragraphs.map((text): Block => ({ kind: 'p', text })),
  ];
  if (r.evidence.length) {
    blocks.push({
      kind: 'h1',
      text: suit ? '证据和所依据的规范性文件' : '作出行政行为的证据、依据和其他有关材料',
    });
    r.evidence.forEach((e, i) =>
      blocks.push({ kind: 'p', text: `${i + 1}. ${e.title}（${formatDateZh(e.gatheredOn)}取得）` }),
    );
  }
  blocks.push(
    { kind: 'p', text: '此致', indent: true },
    { kind: 'p', text: r.body, indent: false },
  );
  blocks.push({
    kind: 'signature',
    lines: [bureau, formatDateZh(r.answeredOn ?? ctx.clock.today())],
  });
  const buffer = await gongwenDocx({ title, blocks });
  return { name: `${title}（${r.caseNo}）.docx`, buffer };
}
