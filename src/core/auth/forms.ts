/**
 * The account's forms, declared once, served by GET /api/auth/forms (without a session: the sign-in
 * form is read before signing in). 登录: POST /api/auth/login derives its body from it. 修改密码: POST
 * /api/auth/password derives its body from it (the confirmation is the form's own check, not posted).
 * The password rules themselves (length from the settings, classes, common passwords, history) are the
 * service's (password.ts, service.ts changePassword), answered in Chinese on the new password.
 */
import { confirmation, password, sized, text } from '../procedure/fields.ts';

const NEW_PASSWORD = password('newPassword', '新密码', 'new-password');

export const AUTH_FORMS = {
  login: [
    sized(text('username', '用户名', true), 64),
    password('password', '密码', 'current-password'),
  ],
  password: [
    password('currentPassword', '当前密码', 'current-password'),
    NEW_PASSWORD,
    confirmation('confirm', '确认新密码', NEW_PASSWORD),
  ],
};
