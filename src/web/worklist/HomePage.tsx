import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { WorklistPage } from './WorklistPage.tsx';

/** 工作台: the worklist for case-handling staff; a short guide for administrators without one. */
export function HomePage() {
  const { user, abilities } = useCurrentSession();
  if (abilities.viewWorklist) return <WorklistPage />;
  const links = [
    abilities.manageOrgs && { to: '/admin/orgs', label: '组织机构' },
    abilities.manageUsers && { to: '/admin/users', label: '用户管理' },
    (abilities.assignRoles || abilities.securitySettings) && {
      to: '/admin/security',
      label: '角色与安全',
    },
    abilities.readAudit && { to: '/audit', label: '审计日志' },
    abilities.editCalendar && { to: '/calendar', label: '工作日历' },
    abilities.reviewQueue && { to: '/reviews', label: '分派给您的审查事项' },
  ].filter((x): x is { to: string; label: string } => Boolean(x));
  return (
    <>
      <PageHeader title="工作台" />
      <Card>
        <Typography.Paragraph>
          {user.displayName}，您好。您的账号没有业务待办。
          {links.length > 0 ? '您可以使用以下功能：' : '如需办理业务，请联系系统管理员分配角色。'}
        </Typography.Paragraph>
        {links.length > 0 && (
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{l.label}</Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
