import { Typography } from 'antd';

export const PASSWORD_RULE_TEXT =
  '密码长度不少于8位，且须包含大写字母、小写字母、数字、特殊符号四类中的至少三类。';

/** Client-side hint only; the server's policy (which may require more) decides. */
export function passwordClassCount(value: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

export function PasswordRule({ id }: { id: string }) {
  return (
    <Typography.Paragraph id={id} type="secondary" style={{ marginBottom: 16 }}>
      密码规则：{PASSWORD_RULE_TEXT}
    </Typography.Paragraph>
  );
}
