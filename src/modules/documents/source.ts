/** A draft's text from an uploaded .docx (stored by core/files): converted to plain paragraphs with mammoth. */
import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadFile } from '../../core/files/service.ts';
import { docxText } from '../../core/files/docx.ts';
import { normativeDocuments } from './schema.ts';
import { loadForEdit } from './service.ts';

/** The longest 正文 the API accepts (routes.ts bodyText). */
const BODY_TEXT_MAX = 200_000;

export async function importDocx(ctx: Ctx, actor: Actor, id: string, fileId: string) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    if (d.publishedOn || d.docNumber)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '已编号或已发布的文件文本不得修改；如需修改，请启动修改程序生成新版本',
      );
    const file = await loadFile(tx, fileId);
    if (!file || file.departmentId !== d.departmentId) throw notFound('文件');
    if (!/\.docx$/i.test(file.name))
      throw new AppError('VALIDATION', '文件：请上传 .docx 格式的正文', {
        fields: [{ path: 'fileId', message: '请上传 .docx 文件' }],
      });
    // Zip-bomb checks before mammoth; the text is capped like the API's 正文 (200,000 characters).
    const text = await docxText(file.content, {
      field: 'fileId',
      limits: { maxChars: 2 * BODY_TEXT_MAX },
    });
    const bodyText = text
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean)
      .join('\n');
    if (bodyText.length > BODY_TEXT_MAX)
      throw new AppError('VALIDATION', `文件：正文过长（超过 ${BODY_TEXT_MAX / 10_000} 万字）`, {
        fields: [{ path: 'fileId', message: '正文过长' }],
      });
    if (!bodyText)
      throw new AppError('VALIDATION', '文件：文档中没有正文内容', {
        fields: [{ path: 'fileId', message: '没有正文内容' }],
      });
    await tx
      .update(normativeDocuments)
      .set({ bodyText, sourceFileId: file.id, updatedAt: ctx.clock.now() })
      .where(eq(normativeDocuments.id, d.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.importDocx',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: { fileId: file.id, name: file.name, chars: bodyText.length },
      },
      ctx.clock.now(),
    );
  });
}
