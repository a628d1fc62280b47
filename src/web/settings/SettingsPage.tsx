import { Space } from 'antd';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ClassificationsCard } from './ClassificationsCard.tsx';
import { FileLimitCard, LargeFileLimitCard } from './FileLimitCard.tsx';
import { IndexNumberCard } from './IndexNumberCard.tsx';
import { DocumentSettingsCard } from '../documents/DocumentSettingsCard.tsx';
import { TemplateCard } from '../reports/TemplateCard.tsx';

/**
 * 业务设置: configuration every department shares (索引号, 分类, 附件上限), kept by the 系统管理员
 * (policy.ts businessSettings). Each change is audited by the server.
 */
export default function SettingsPage() {
  return (
    <RequireAbility ability="businessSettings">
      <PageHeader
        title="业务设置"
        subTitle="各部门共用的政务公开和规范性文件设置；每次修改均记入审计日志"
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <IndexNumberCard />
        <ClassificationsCard />
        <FileLimitCard />
        <LargeFileLimitCard />
        <DocumentSettingsCard />
        {/* The 法治政府建设年度报告 template is one per deployment, the 系统管理员's (not an oversight body's). */}
        <TemplateCard />
      </Space>
    </RequireAbility>
  );
}
