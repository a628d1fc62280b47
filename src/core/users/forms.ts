/**
 * The administrators' forms, declared once: 新增用户 and 编辑用户 (POST /api/admin/users takes the
 * form, PATCH /api/admin/users/:id any of its fields but the 用户名, and 启用状态) and the 机构 form
 * (orgs/forms.ts). GET /api/admin/forms serves them to the users and organisations screens, which
 * draw the 所属机构 and 上级机构 as the org tree.
 */
import { ref, sized, text } from '../procedure/fields.ts';
import { ORG_FORM } from '../orgs/forms.ts';

export const USER_FORM = [
  {
    ...sized(text('username', '用户名', true), 32),
    pattern: { source: '^[a-zA-Z0-9._-]{3,32}$', message: '3–32 位字母、数字、点、下划线或连字符' },
    help: '用于登录，建议使用字母、数字',
  },
  sized(text('displayName', '姓名', true), 50),
  ref('orgId', '所属机构'),
];

export const ADMIN_FORMS = { user: USER_FORM, org: ORG_FORM };
