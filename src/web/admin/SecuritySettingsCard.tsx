import { SettingsFormCard } from '../settings/SettingsFormCard.tsx';

/** 安全策略 (等保2.0): the password, lockout and session rules, kept by the 安全管理员. */
export function SecuritySettingsCard() {
  return (
    <SettingsFormCard
      path="/api/admin/security-settings"
      queryKey={['admin', 'security-settings']}
      title="安全策略"
      name="security"
      saved="安全策略已保存"
      width={200}
      maxWidth={480}
    />
  );
}
