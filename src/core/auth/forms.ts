/**
 * The 修改密码 form, declared once: POST /api/auth/password derives its body from it (the confirmation
 * is the form's own check, not posted), GET /api/auth/forms serves it to the page. The password rules
 * themselves (length from the settings, classes, common passwords, history) are the service's
 * (password.ts, service.ts changePassword), answered in Chinese on the new password.
 */
import { confirmation, password } from '../procedure/fields.ts';

const NEW_PASSWORD = password('newPassword', '新密码', 'new-password');

export const AUTH_FORMS = {
  password: [
    password('currentPassword', '当前密码', 'current-password'),
    NEW_PASSWORD,
    confirmation('confirm', '确认新密码', NEW_PASSWORD),
  ],
};
