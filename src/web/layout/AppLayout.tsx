import { Suspense } from 'react';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  ApartmentOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentSession } from '../lib/session.ts';
import type { Abilities } from '../lib/types.ts';
import { APP_TITLE } from '../lib/useTitle.ts';
import { PageLoading } from '../auth/RequireAuth.tsx';
import { useLogout } from '../auth/useLogout.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { SCREENS } from '../modules.ts';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(a: Abilities): MenuItem[] {
  const admin: MenuItem[] = [];
  if (a.manageOrgs)
    admin.push({ key: '/admin/orgs', icon: <ApartmentOutlined />, label: '组织机构' });
  if (a.manageUsers) admin.push({ key: '/admin/users', icon: <TeamOutlined />, label: '用户管理' });
  if (a.assignRoles || a.securitySettings)
    admin.push({ key: '/admin/security', icon: <SafetyOutlined />, label: '角色与安全' });
  if (a.readAudit) admin.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });
  if (a.editCalendar)
    admin.push({ key: '/calendar', icon: <CalendarOutlined />, label: '工作日历' });
  if (a.businessSettings)
    admin.push({ key: '/settings', icon: <SettingOutlined />, label: '业务设置' });
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: '工作台' }];
  // Each module's entries in the modules' order; a group collects the entries that name it.
  const groups = new Map<string, MenuItem[]>();
  for (const { group, ...entry } of SCREENS.flatMap((m) => m.menu?.(a) ?? [])) {
    if (!group) items.push(entry);
    else if (groups.has(group)) groups.get(group)!.push(entry);
    else {
      const children = [entry];
      groups.set(group, children);
      items.push({ type: 'group', key: `group:${group}`, label: group, children });
    }
  }
  if (admin.length) items.push({ type: 'group', key: 'admin', label: '系统管理', children: admin });
  return items.map(asLink);
}

/** Menu entries are links (open in a new tab, copy the address); groups keep their heading. */
function asLink(item: MenuItem): MenuItem {
  if (!item || !('key' in item)) return item;
  if ('type' in item && item.type === 'group')
    return { ...item, children: (item.children ?? []).map(asLink) };
  return 'label' in item && typeof item.label === 'string'
    ? { ...item, label: <Link to={String(item.key)}>{item.label}</Link> }
    : item;
}

/** Every entry's key in the menu as built (groups opened). */
const keysOf = (items: MenuItem[]): string[] =>
  items.flatMap((i) =>
    !i
      ? []
      : 'type' in i && i.type === 'group'
        ? keysOf(i.children ?? [])
        : 'key' in i
          ? [String(i.key)]
          : [],
  );
/** The menu key a path belongs to: the longest key that prefixes it (the home page otherwise). */
function selectedKey(pathname: string, keys: string[]): string {
  return (
    keys
      .filter((k) => k !== '/' && pathname.startsWith(k))
      .sort((x, y) => y.length - x.length)[0] ?? '/'
  );
}

const headerText = { color: '#ffffff' };

export function AppLayout() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const items = menuItems(session.abilities);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        跳到主要内容
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Text strong style={{ ...headerText, fontSize: 18, whiteSpace: 'nowrap' }}>
          {APP_TITLE}
        </Typography.Text>
        <Typography.Text
          style={{
            ...headerText,
            opacity: 1,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {session.user.orgName}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="small" wrap={false}>
          <NotificationBell />
          <Typography.Text style={{ ...headerText, whiteSpace: 'nowrap' }}>
            <UserOutlined aria-hidden /> {session.user.displayName}
          </Typography.Text>
          <Button
            type="text"
            style={headerText}
            icon={<KeyOutlined />}
            onClick={() => navigate('/password')}
          >
            修改密码
          </Button>
          <Button
            type="text"
            style={headerText}
            icon={<LogoutOutlined />}
            onClick={() => void logout()}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname, keysOf(items))]}
              items={items}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content
          id="main-content"
          tabIndex={-1}
          style={{ padding: 24, minWidth: 0, outline: 'none' }}
        >
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
