import { SettingsFormCard } from '../settings/SettingsFormCard.tsx';

/** The hotline's time limits per 诉求类型 (默认：广东省12345热线管理办法), kept by the 系统管理员. */
export function DeadlinesCard() {
  return (
    <SettingsFormCard
      path="/api/hotline/settings"
      queryKey={['hotline-settings']}
      title="办理时限设置"
      name="hotline-deadlines"
      saved="已保存办理时限"
      inline
    />
  );
}
