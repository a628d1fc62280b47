// Browser-test harness: Debian's Chromium driven by playwright-core, and axe-core checks.
//
//   const browser = await launchBrowser(t);
//   if (!browser) return; // skipped: Chromium is missing (fails instead under FAZHI_TEST_REQUIRE_ALL=1)
//
// Chromium: apt-get install -y chromium (provides /usr/bin/chromium). .ci/run installs it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** FAZHI_TEST_REQUIRE_ALL=1 (CI) turns every "skip because something is missing" into a failure. */
export function requireAll(): boolean {
  return process.env.FAZHI_TEST_REQUIRE_ALL === '1';
}

/**
 * Skips the test with a printed reason, or throws when FAZHI_TEST_REQUIRE_ALL=1.
 * Returns undefined so callers can `return skipOrFail(t, why)`.
 */
export function skipOrFail(t: TestContext, reason: string): undefined {
  if (requireAll()) throw new Error(`${reason} (FAZHI_TEST_REQUIRE_ALL=1: not skipping)`);
  console.warn(`skipped "${t.name}": ${reason}`);
  t.skip(reason);
  return undefined;
}

/** Launches headless Chromium, or skips the test (see skipOrFail) when it is not installed. */
export async function launchBrowser(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    return skipOrFail(t, `Chromium not installed at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  const browser = await chromium.launch({
    headless: true,
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  // Closed after the test whatever happens: an open browser keeps the test file's process alive.
  t.after(() => browser.close().catch(() => undefined));
  return browser;
}

/**
 * A context suited to axe checks: the portal's Content-Security-Policy forbids inline scripts,
 * so injecting axe needs bypassCSP. Contexts that test the real page behaviour should not use it.
 */
export function newAxeContext(
  browser: Browser,
  opts: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', bypassCSP: true, reducedMotion: 'reduce', ...opts });
}

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

function loadAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Runs axe-core on the page and returns the violations of impact "serious" or "critical". */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe === 'object',
  );
  if (!present) {
    await page.addScriptTag({ content: loadAxeSource() });
    const injected = await page.evaluate(
      () => typeof (window as unknown as { axe?: unknown }).axe === 'object',
    );
    if (!injected) {
      throw new Error(
        'axe-core could not be injected (blocked by the Content-Security-Policy?): use newAxeContext()',
      );
    }
  }
  const violations = await page.evaluate(async () => {
    type Result = { violations: AxeViolation[] };
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable listing of violations, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Fails with a readable list when the page has serious or critical axe violations. */
export async function assertNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // axe reads colours as drawn: a toast fading out or a drawer sliding in has passing colours only at
  // its end. Wait for running CSS animations and transitions to finish (a looping spinner never does).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    const text = formatViolations(violations);
    throw new Error(
      `${violations.length} serious/critical accessibility violation(s) on ${label}:\n${text}`,
    );
  }
}

/**
 * A fresh axe-ready context signed in as `username` through the API, as the login page would (the page
 * itself, its form and its way to the home page are tested by workbench.e2e and roles.e2e): a test's
 * signed-in user, without loading the login page each time.
 */
async function signedInPage(
  browser: Browser,
  base: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await newAxeContext(browser);
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { username, password },
    headers: { origin: base },
  });
  if (!res.ok()) throw new Error(`登录失败（${username}）：${res.status()} ${await res.text()}`);
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  return page;
}

/** Signed in (see signedInPage) and on the home page: resolves when it shows 我的待办 (or `landing`). */
export async function workbenchLogin(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  landing = '我的待办',
): Promise<Page> {
  const page = await signedInPage(browser, base, username, password);
  await page.goto(`${base}/app/`);
  await page.getByText(landing).first().waitFor({ timeout: 30_000 });
  return page;
}

/** Signed in (see signedInPage) and at `url`, without passing through the home page. */
export async function workbenchAt(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  url: string,
): Promise<Page> {
  const page = await signedInPage(browser, base, username, password);
  await page.goto(url);
  return page;
}

/**
 * Opens the dialog of `button`, lets `fill` fill it, confirms, and waits for it to close; when it
 * stays open, fails with the form's or the server's message instead of a bare timeout.
 */
export async function submitDialog(
  page: Page,
  button: string,
  fill: (dialog: Locator) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForFunction(
    () => !document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter'),
  );
  await fill(dialog);
  await dialog.getByRole('button', { name: '确认' }).click();
  if (
    await dialog.waitFor({ state: 'hidden', timeout: 45_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  const alert = dialog.getByRole('alert');
  const why = (await alert.count())
    ? await alert.allTextContents()
    : await dialog.locator('.ant-form-item-explain-error').allTextContents();
  throw new Error(`「${button}」对话框未关闭：${why.join('；') || '无提示'}`);
}

/**
 * Asks for the 保密审查 on a record's SecrecyReviewPanel: picks the reviewer whose option shows
 * `reviewer` and clicks 提请保密审查. The pick is tried again while the button stays disabled (on a
 * loaded machine the click can land while the dropdown is still opening).
 */
export async function askSecrecyReview(page: Page, reviewer: string): Promise<void> {
  const ask = page.getByRole('button', { name: '提请保密审查' });
  for (let attempt = 0; attempt < 3 && !(await ask.isEnabled()); attempt++) {
    await page.getByLabel('保密审查人', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: reviewer })
      .first()
      .click();
  }
  await ask.click();
}
