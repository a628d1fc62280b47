/**
 * The Chinese labels of a module's codes (statuses, kinds, levels, conclusions), served by the server so
 * the workbench keeps no copy that could drift: a module declares its lists once in its manifest
 * (`labels`), and the server answers `GET /api/<module>/labels` with them, one route per module.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { ProcedureDef } from '../procedure/types.ts';
import { guard, type ZodProvider } from './schema.ts';

export interface Choice {
  value: string;
  label: string;
}

export interface LabelLists {
  /** What the lists are, for the API reference (e.g. 「合法性审查事项的办理状态和审查结论」). */
  summary: string;
  /** Who may read them: the module's rule for listing its records (throws like a route guard). */
  guard: (actor: Actor) => unknown;
  /** Each list: its Chinese name and its choices, in the order screens show them. */
  lists: Record<string, { label: string; choices: Choice[] }>;
}

/** The choices of a code → label record, in its order. */
export const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The statuses a listed record can be in: every status of its procedure but the one before it starts
 * (no record is listed in it, so it is no filter).
 */
export const statusChoices = (p: ProcedureDef): Choice[] =>
  p.statuses
    .filter((s) => s.code !== p.initialStatus)
    .map((s) => ({ value: s.code, label: s.label }));

const choiceReply = z.object({
  value: z.string().describe('代码'),
  label: z.string().describe('名称'),
});

/** `GET /api/<module>/labels`: the module's lists, with their reply schema for the OpenAPI document. */
export function labelRoute(app: FastifyInstance, module: string, labels: LabelLists): void {
  const keys = Object.keys(labels.lists);
  const reply = z.object(
    Object.fromEntries(keys.map((k) => [k, z.array(choiceReply).describe(labels.lists[k].label)])),
  );
  const body = Object.fromEntries(keys.map((k) => [k, labels.lists[k].choices]));
  app.withTypeProvider<ZodProvider>().get(
    `/api/${module}/labels`,
    {
      schema: { summary: labels.summary, response: { 200: reply } },
      preValidation: guard(labels.guard),
    },
    async () => body,
  );
}
