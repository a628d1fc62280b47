/**
 * 政府信息公开指南 (条例 Art 12, RULES §5.3): the disclosure office's name, address, office hours,
 * phone, fax and online contact, plus how information is classified and obtained. One per department,
 * stored as a setting; staff or leaders of the department keep it up to date (Art 53(2) makes an
 * outdated guide a liability ground), every change audited.
 */
import { z } from 'zod';
import { fieldsSchema, type FieldsInput } from '../../../core/procedure/fieldSchema.ts';
import { GUIDE_FORM } from './forms.ts';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { DbOrTx } from '../../../core/db/client.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { defineSetting, getSetting, putSetting } from '../../../core/settings/service.ts';

/** The guide as the form asks for it (forms.ts GUIDE_FORM), each field a string (empty when left out). */
export const guideSchema = fieldsSchema(GUIDE_FORM);
export type Guide = Record<(typeof GUIDE_FORM)[number]['name'], string>;
export interface StoredGuide extends Guide {
  updatedOn: string | null;
}

const DEFAULT_BODY = [
  '一、主动公开\n本机关主动公开的政府信息，通过本网站“政府信息公开”专栏发布，并可在政府信息公开目录中按组配分类、年份浏览和检索。主动公开的政府信息自该信息形成或者变更之日起20个工作日内予以公开。',
  '二、依申请公开\n公民、法人或者其他组织可以通过本网站在线提交、信函、传真等方式向本机关申请获取政府信息。本机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。',
  '三、监督和救济\n公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
].join('\n\n');

function guideSetting(departmentId: string) {
  return defineSetting<StoredGuide>({
    key: `disclosure.guide.${departmentId}`,
    label: '政府信息公开指南',
    schema: guideSchema.required().extend({ updatedOn: z.string().nullable() }),
    defaults: {
      officeName: '',
      address: '',
      postcode: '',
      hours: '周一至周五 上午8:30-12:00，下午14:30-17:30（法定节假日除外）',
      phone: '',
      fax: '',
      onlineContact: '',
      body: DEFAULT_BODY,
      updatedOn: null,
    },
  });
}

/** The department's guide; an unedited guide has updatedOn null (the portal then says it is being prepared). */
export async function getGuide(
  db: DbOrTx,
  departmentId: string,
  nowMs: number,
): Promise<StoredGuide> {
  return getSetting(db, guideSetting(departmentId), nowMs, 0);
}

export async function updateGuide(
  ctx: Ctx,
  actor: Actor,
  input: FieldsInput<typeof GUIDE_FORM>,
): Promise<StoredGuide> {
  authorize(actor, 'disclosureGuide', 'edit');
  const now = ctx.clock.now();
  const guide = Object.fromEntries(GUIDE_FORM.map((f) => [f.name, input[f.name] ?? ''])) as Guide;
  const value: StoredGuide = { ...guide, updatedOn: ctx.clock.today() };
  await inTx(ctx, async (tx) => {
    await putSetting(tx, guideSetting(actor.departmentId), value, now);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.guide.update',
        entityType: 'disclosureGuide',
        entityId: actor.departmentId,
        payload: { ...value },
      },
      now,
    );
  });
  return value;
}
