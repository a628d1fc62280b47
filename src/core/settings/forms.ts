/**
 * A settings group declared once, as its form (FieldSpecs, service.ts formSetting): the setting's
 * schema — the body of the route that changes it, with its Chinese 400s and OpenAPI entry — is
 * derived from the fields, and `GET <path>/form` serves the fields to the one settings card of the workbench
 * (web/settings/SettingsFormCard.tsx), so the card keeps no copy of a label, a limit or a unit.
 */
import type { FastifyInstance, preValidationAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { fieldReply, fieldView } from '../http/forms.ts';
import type { ZodProvider } from '../http/schema.ts';
import type { FieldSpec } from '../procedure/types.ts';

/** The reply of `GET <path>/form`: the fields the card draws, in order. */
export const settingFormReply = z.object({
  fields: z.array(fieldReply).describe('表单字段'),
});

/**
 * `GET <path>/form`: the form of the setting read and changed at `path`, for those who may change it
 * (`guard`: the rule of its PUT).
 */
export function settingFormRoute(
  app: FastifyInstance,
  path: string,
  setting: { label: string; form: readonly FieldSpec[] },
  guard: preValidationAsyncHookHandler,
): void {
  const body = { fields: setting.form.map((f) => fieldView(f)) };
  app.withTypeProvider<ZodProvider>().get(
    `${path}/form`,
    {
      schema: { summary: `${setting.label}的表单`, response: { 200: settingFormReply } },
      preValidation: guard,
    },
    async () => body,
  );
}

/** A number setting's field help for a scaled number: its bounds in the shown unit (「0.1 至 200 MB」). */
export const scaledBounds = (min: number, max: number, factor: number, decimals: number) => {
  const step = 10 ** decimals;
  const shown = (n: number, round: (x: number) => number) => round((n / factor) * step) / step;
  return `${shown(min, Math.ceil)} 至 ${shown(max, Math.floor)}`;
};
