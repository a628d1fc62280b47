// The public portal's page layout: one full HTML document per page, rendered on the server with
// React's escaping. No scripts; the stylesheet is served by the portal plugin.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CsrfField } from './csrf.tsx';
import { PORTAL_CSS_PATH } from './assets.ts';

export interface PortalSite {
  name: string; // e.g. 某市科学技术局
  parentName: string; // e.g. 某市人民政府
  address?: string;
  phone?: string;
  hours?: string;
  email?: string;
  icp?: string;
}

export interface PortalSection {
  path: string;
  title: string;
  summary: string;
}

export interface Crumb {
  title: string;
  href?: string;
}

export interface RenderPageOptions {
  title: string;
  elder: boolean;
  /** The current path with its query string (used for the nav's aria-current and the 长者模式 return path). */
  path: string;
  site: PortalSite;
  children: ReactNode;
  /** The portal CSRF token for the 长者模式 form (see issuePortalCsrf). */
  csrfToken: string;
  /** Sections shown in the main navigation. */
  sections?: PortalSection[];
  /** Where the 政府信息公开 entry points (default '/xxgk'). */
  disclosurePath?: string;
  /** Breadcrumbs after 首页; omitted on the home page. */
  breadcrumbs?: Crumb[];
  /** True on the home page: the <title> is the site name alone. */
  home?: boolean;
}

export const DEFAULT_DISCLOSURE_PATH = '/xxgk';

function pathnameOf(path: string): string {
  const q = path.search(/[?#]/);
  return q === -1 ? path : path.slice(0, q);
}

function isCurrent(navPath: string, current: string): boolean {
  if (navPath === '/') return current === '/';
  return current === navPath || current.startsWith(navPath.endsWith('/') ? navPath : navPath + '/');
}

export function Layout(props: RenderPageOptions) {
  const { site, elder, path, csrfToken, title } = props;
  const current = pathnameOf(path);
  const disclosurePath = props.disclosurePath ?? DEFAULT_DISCLOSURE_PATH;
  const nav: { path: string; title: string }[] = [{ path: '/', title: '首页' }];
  for (const s of props.sections ?? []) nav.push({ path: s.path, title: s.title });
  if (!nav.some((n) => n.path === disclosurePath))
    nav.push({ path: disclosurePath, title: '政府信息公开' });
  const docTitle = props.home ? site.name : `${title} - ${site.name}`;

  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{docTitle}</title>
        <link rel="stylesheet" href={PORTAL_CSS_PATH} />
      </head>
      <body className={elder ? 'elder' : undefined}>
        <a className="skip-link" href="#main">
          跳到主要内容
        </a>
        <header className="site-header">
          <div className="topbar">
            <div className="wrap">
              <span className="parent">{site.parentName}</span>
              <form className="elder-toggle" method="post" action="/elder">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="return" value={path} />
                <input type="hidden" name="elder" value={elder ? '0' : '1'} />
                <button type="submit" aria-pressed={elder ? 'true' : 'false'}>
                  {elder ? '退出长者模式' : '长者模式'}
                </button>
              </form>
            </div>
          </div>
          <div className="wrap">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true">
                {site.name.slice(0, 1)}
              </span>
              <span className="brand-text">
                <span className="brand-name">{site.name}</span>
                <span className="brand-sub">{site.parentName} 所属部门网站</span>
              </span>
            </a>
          </div>
          <nav className="site-nav" aria-label="主导航">
            <div className="wrap">
              <ul>
                {nav.map((n) => (
                  <li key={n.path}>
                    <a href={n.path} aria-current={isCurrent(n.path, current) ? 'page' : undefined}>
                      {n.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="wrap">
            {props.home || !props.breadcrumbs ? null : (
              <nav className="breadcrumb" aria-label="当前位置">
                <ol>
                  <li>
                    <a href="/">首页</a>
                  </li>
                  {props.breadcrumbs.map((c, i) => (
                    <li key={i}>
                      {c.href && i < props.breadcrumbs!.length - 1 ? (
                        <a href={c.href}>{c.title}</a>
                      ) : (
                        <span
                          aria-current={i === props.breadcrumbs!.length - 1 ? 'page' : undefined}
                        >
                          {c.title}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              </nav>
            )}
            {props.children}
          </div>
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              主办单位：{site.name}　　上级单位：{site.parentName}
            </p>
            <dl>
              {site.address ? (
                <div>
                  <dt>地址：</dt>
                  <dd>{site.address}</dd>
                </div>
              ) : null}
              {site.phone ? (
                <div>
                  <dt>电话：</dt>
                  <dd>{site.phone}</dd>
                </div>
              ) : null}
              {site.hours ? (
                <div>
                  <dt>办公时间：</dt>
                  <dd>{site.hours}</dd>
                </div>
              ) : null}
              {site.email ? (
                <div>
                  <dt>电子邮箱：</dt>
                  <dd>
                    <a href={`mailto:${site.email}`}>{site.email}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
            {site.icp ? (
              <p>
                <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">
                  {site.icp}
                </a>
              </p>
            ) : null}
            <p>本网站支持无障碍浏览和长者模式，无需启用 JavaScript 即可使用全部功能。</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Renders a full HTML document with the portal layout. */
export function renderPage(opts: RenderPageOptions): string {
  return '<!DOCTYPE html>' + renderToStaticMarkup(<Layout {...opts} />);
}
