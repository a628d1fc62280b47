import type { ThemeConfig } from 'antd';

// Colours chosen for WCAG AA contrast (≥ 4.5:1 on white) — antd's defaults fail axe in places.
export const PRIMARY = '#0b57d0';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    // antd derives lighter hover/active shades that fall below 4.5:1 with white text: darken instead.
    colorPrimaryHover: '#0842a0',
    colorPrimaryActive: '#062e70',
    colorPrimaryTextHover: '#0842a0',
    colorLinkHover: '#0842a0',
    colorLinkActive: '#062e70',
    colorInfo: PRIMARY,
    colorError: '#b3261e',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#f4b4ae',
    colorWarning: '#ad6800',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorSuccess: '#146c2e',
    colorSuccessBg: '#e6f4ea',
    colorSuccessBorder: '#a8dab5',
    colorInfoBg: '#e8f0fe',
    colorInfoBorder: '#a8c7fa',
    colorText: 'rgba(0, 0, 0, 0.88)',
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextQuaternary: '#666666',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    colorTextDisabled: '#6e6e6e',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: {
      headerBg: '#0b2e59',
      siderBg: '#ffffff',
      headerColor: '#ffffff',
      headerPadding: '0 24px',
    },
    Menu: { itemSelectedColor: '#0842a0' },
    Table: { headerColor: 'rgba(0, 0, 0, 0.88)' },
  },
};
