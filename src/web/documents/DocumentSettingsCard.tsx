import { SettingsFormCard } from '../settings/SettingsFormCard.tsx';

/** 行政规范性文件 local rules: validity periods, the 后评估 reminder, the 备案 period (each change audited). */
export function DocumentSettingsCard() {
  return (
    <SettingsFormCard
      path="/api/settings/documents"
      queryKey={['settings', 'documents']}
      title="行政规范性文件"
      hint="按本地规范性文件管理办法设置；新的备案期限适用于此后发布的文件。"
      name="documentSettings"
      saved="规范性文件设置已保存"
      inline
      width={160}
    />
  );
}
