/**
 * Response schemas shared by the modules' routes (`schema.response`). They document the reply in the
 * OpenAPI document; the reply itself is serialised as the handler returns it (schema.ts), so a schema
 * that leaves a field out strips nothing.
 */
import { z } from 'zod';

/** `{ ok: true }` of a write that returns nothing else. */
export const okReply = z.object({ ok: z.boolean().describe('成功') });

/** A download: the file itself (its name in Content-Disposition), not JSON. */
export const fileReply = (label: string) => z.custom<Buffer | string>().describe(label);

/** 204 No Content (a deletion). */
export const noContent = z.undefined().describe('无内容');

/** A figure handed to the 法治政府建设年度报告 (core/facts.ts `Fact`). */
export const factReply = z
  .object({
    key: z.string().describe('指标代码'),
    label: z.string().describe('指标名称'),
    value: z.number().describe('数值'),
    unit: z.string().describe('单位'),
    sentence: z.string().describe('报告中的表述'),
    method: z.string().describe('统计口径'),
    records: z
      .object({
        path: z.string().describe('明细接口'),
        query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
        sum: z.string().optional().describe('求和字段'),
      })
      .describe('指标对应的记录'),
    expect: z
      .object({
        min: z.number().optional(),
        max: z.number().optional(),
        shortfall: z.string().describe('不足之处'),
        suggestion: z.string().optional().describe('改进建议'),
      })
      .optional()
      .describe('应达到的范围'),
    area: z.string().optional().describe('报告部分'),
  })
  .describe('年度报告数据');

/** `{ facts }` of a module's facts route. */
export const factsReply = z.object({ facts: z.array(factReply) });

/** Label lists sent with a page (code → Chinese label). */
export const labelsReply = (label: string) => z.record(z.string(), z.string()).describe(label);
