import { Suspense } from 'react';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  BarChartOutlined,
  ReadOutlined,
  ApartmentOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentSession } from '../lib/session.ts';
import type { Abilities } from '../lib/types.ts';
import { APP_TITLE } from '../lib/useTitle.ts';
import { PageLoading } from '../auth/RequireAuth.tsx';
import { useLogout } from '../auth/useLogout.ts';
import { NotificationBell } from './NotificationBell.tsx';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(a: Abilities): MenuItem[] {
  const admin: MenuItem[] = [];
  if (a.manageOrgs) admin.push({ key: '/admin/orgs', icon: <ApartmentOutlined />, label: '组织机构' });
  if (a.manageUsers) admin.push({ key: '/admin/users', icon: <TeamOutlined />, label: '用户管理' });
  if (a.assignRoles || a.securitySettings) admin.push({ key: '/admin/security', icon: <SafetyOutlined />, label: '角色与安全' });
  if (a.readAudit) admin.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });
  if (a.editCalendar) admin.push({ key: '/calendar', icon: <CalendarOutlined />, label: '工作日历' });
  if (a.businessSettings) admin.push({ key: '/settings', icon: <SettingOutlined />, label: '业务设置' });
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: '工作台' }];
  const disclosure: MenuItem[] = [];
  if (a.viewDecisions) items.push({ key: '/decisions', icon: <FileTextOutlined />, label: '重大行政决策' });
  if (a.viewDocuments) items.push({ key: '/documents', icon: <FileTextOutlined />, label: '规范性文件' });
  if (a.filingQueue) items.push({ key: '/filings', icon: <FileTextOutlined />, label: '备案审查' });
  if (a.reviewQueue) items.push({ key: '/reviews', icon: <AuditOutlined />, label: '合法性审查' });
  if (a.viewMeetings) items.push({ key: '/meetings', icon: <TeamOutlined />, label: '会议议题' });
  if (a.publish) disclosure.push({ key: '/publications', icon: <FileTextOutlined />, label: '主动公开' });
  if (a.publish) disclosure.push({ key: '/disclosure/guide', icon: <ReadOutlined />, label: '公开指南' });
  if (a.disclosureRequests) disclosure.push({ key: '/disclosure/requests', icon: <FileSearchOutlined />, label: '依申请公开' });
  if (a.disclosureReport) disclosure.push({ key: '/disclosure/report', icon: <BarChartOutlined />, label: '公开工作年报' });
  const reports: MenuItem[] = [];
  if (a.ruleOfLawReport) reports.push({ key: '/reports', icon: <BarChartOutlined />, label: '法治政府建设年报' }, { key: '/reports/study', icon: <ReadOutlined />, label: '学法述法记录' });
  if (a.reportOversight) reports.push({ key: '/reports/oversight', icon: <BarChartOutlined />, label: '年度报告监督' });
  if (reports.length) items.push({ type: 'group', key: 'reports', label: '法治政府建设', children: reports });
  if (a.reportImports) items.push({ key: '/reports/imports', icon: <FileSearchOutlined />, label: '年报导入分析' });
  if (disclosure.length) items.push({ type: 'group', key: 'disclosure', label: '政务公开', children: disclosure });
  if (admin.length) items.push({ type: 'group', key: 'admin', label: '系统管理', children: admin });
  return items;
}

function selectedKey(pathname: string): string {
  for (const key of ['/reports/imports', '/reports/oversight', '/reports/study', '/reviews', '/admin/orgs', '/admin/users', '/admin/security', '/audit', '/calendar', '/settings', '/publications', '/disclosure/guide', '/disclosure/requests', '/disclosure/report', '/reports']) {
    if (pathname.startsWith(key)) return key;
  }
  return '/';
}

const headerText = { color: '#ffffff' };

export function AppLayout() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        跳到主要内容
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Text strong style={{ ...headerText, fontSize: 18, whiteSpace: 'nowrap' }}>
          {APP_TITLE}
        </Typography.Text>
        <Typography.Text style={{ ...headerText, opacity: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {session.user.orgName}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="small" wrap={false}>
          <NotificationBell />
          <Typography.Text style={{ ...headerText, whiteSpace: 'nowrap' }}>
            <UserOutlined aria-hidden /> {session.user.displayName}
          </Typography.Text>
          <Button type="text" style={headerText} icon={<KeyOutlined />} onClick={() => navigate('/password')}>
            修改密码
          </Button>
          <Button type="text" style={headerText} icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              items={menuItems(session.abilities)}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 24, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
