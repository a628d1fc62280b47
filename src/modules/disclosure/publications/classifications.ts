/**
 * Editing the 组配分类 and 主题分类 lists (a business setting kept by the 系统管理员, policy.ts
 * businessSettings). Names may change at any time; a code stays once publications or other modules
 * use it, so no published item ever points at a missing class. New entries get generated codes.
 */
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import { queryRows, type DbOrTx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../../../core/auth/policy.ts';
import { AppError } from '../../../core/errors.ts';
import { changeSetting } from '../../../core/settings/service.ts';
import {
  classificationSettings,
  RESERVED,
  type Classifications,
  type Label,
} from './categories.ts';

const entry = z.object({
  code: z.string().trim().max(40).optional().describe('代码'),
  label: z.string().trim().min(1, '不能为空').max(40).describe('名称'),
});

/** The form's input: entries without a code are new. */
export const classificationsInput = z.object({
  categories: z.array(entry).min(1, '至少保留一项').max(100).describe('组配分类'),
  topics: z.array(entry).min(1, '至少保留一项').max(100).describe('主题分类'),
});
export type ClassificationsInput = z.infer<typeof classificationsInput>;

type Kind = 'categories' | 'topics';
const KIND_LABEL: Record<Kind, string> = { categories: '组配分类', topics: '主题分类' };
const COLUMN: Record<Kind, string> = { categories: 'category', topics: 'topic' };

function refuse(kind: Kind, message: string): never {
  const m = `${KIND_LABEL[kind]}：${message}`;
  throw new AppError('VALIDATION', m, { fields: [{ path: kind, message: m }] });
}

/** How many publications use each code of a list (withdrawn ones too: they stay on record). */
async function usage(db: DbOrTx, kind: Kind): Promise<Map<string, number>> {
  const rows = await queryRows<{ code: string; n: number }>(
    db,
    sql`select ${sql.raw(COLUMN[kind])} as code, count(*)::int as n from publications group by 1`,
  );
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

export async function classificationUsage(db: DbOrTx): Promise<Record<Kind, Map<string, number>>> {
  return { categories: await usage(db, 'categories'), topics: await usage(db, 'topics') };
}

/** Checks one list against the current one and gives new entries codes (pure apart from `used`). */
export function mergeList(
  kind: Kind,
  current: Label[],
  input: ClassificationsInput[Kind],
  used: Map<string, number>,
): Label[] {
  const known = new Set(current.map((l) => l.code));
  const labels = new Set<string>();
  const codes = new Set<string>();
  for (const e of input) {
    if (labels.has(e.label)) refuse(kind, `名称“${e.label}”重复`);
    labels.add(e.label);
    if (!e.code) continue;
    if (!known.has(e.code) && !/^[A-Za-z][A-Za-z0-9]*$/.test(e.code))
      refuse(kind, `代码“${e.code}”只能由字母开头，包含字母和数字`);
    if (codes.has(e.code)) refuse(kind, `代码“${e.code}”重复`);
    codes.add(e.code);
  }
  for (const old of current) {
    if (codes.has(old.code)) continue;
    const reserved = RESERVED[kind][old.code];
    if (reserved) refuse(kind, `“${old.label}”用于${reserved}，不能删除（可以修改名称）`);
    const n = used.get(old.code) ?? 0;
    if (n > 0) refuse(kind, `“${old.label}”已有${n}条公开信息使用，不能删除（可以修改名称）`);
  }
  let k = 1;
  const fresh = () => {
    while (codes.has(`custom${k}`) || known.has(`custom${k}`)) k++;
    codes.add(`custom${k}`);
    return `custom${k}`;
  };
  return input.map((e) => ({ code: e.code || fresh(), label: e.label }));
}

/** Saves both lists and audits the change, in one transaction. */
export async function updateClassifications(
  ctx: Ctx,
  actor: Actor,
  input: ClassificationsInput,
): Promise<Classifications> {
  authorize(actor, 'businessSettings', 'manage');
  return changeSetting(
    ctx,
    actor,
    classificationSettings,
    'settings.disclosureClassifications',
    async (current, tx) => {
      // Serialises with concurrent publishes taking a code that is being removed.
      await tx.execute(sql`lock table publications in share mode`);
      return {
        categories: mergeList(
          'categories',
          current.categories,
          input.categories,
          await usage(tx, 'categories'),
        ),
        topics: mergeList('topics', current.topics, input.topics, await usage(tx, 'topics')),
      };
    },
  );
}
