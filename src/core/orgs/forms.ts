/**
 * The 机构 form (新增机构, 编辑机构), declared once: POST and PATCH /api/admin/orgs derive their bodies
 * from it (an empty 上级机构, 统一社会信用代码 or 发文字号前缀 still taken as null; 地址 and 电话 the API's
 * own), GET /api/admin/forms serves it to the organisations screen, which draws the 上级机构 as the
 * org tree. Whether a division sits under a department is the service's check.
 */
import { choice, ref, sized, text } from '../procedure/fields.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../auth/roles.ts';

const kinds = Object.entries(ORG_KIND_LABELS) as Array<[OrgKind, string]>;

export const ORG_FORM = [
  sized(text('name', '机构名称', true), 100, 2),
  choice('kind', '机构类型', ...kinds),
  // An empty choice or text is also taken as null (the API's callers clear a 统一社会信用代码 so).
  {
    ...ref('parentId', '上级机构'),
    required: false as const,
    nullable: true as const,
    help: '不选则为顶级机构',
  },
  {
    ...sized(text('creditCode', '统一社会信用代码'), 18),
    nullable: true as const,
    // GB 32100-2015: 18 characters of digits and upper-case letters (no I, O, S, V, Z).
    pattern: {
      source: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
      message: '应为18位统一社会信用代码（数字或大写字母）',
    },
  },
  {
    ...sized(text('docPrefix', '发文字号前缀'), 10, 1),
    nullable: true as const,
    help: '例如：科规（用于生成“科规〔2025〕3号”）',
  },
];
