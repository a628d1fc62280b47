import { readConfig } from './config.ts';
import { boot } from './boot.ts';
import { buildApp } from './app.ts';
import { loadDemo, type DemoAccount } from './demo.ts';
import { systemClock } from '../core/clock.ts';
import { verifyChain } from '../core/audit/chain.ts';
import { scheduleSweep, runSweep } from '../core/cases/sweep.ts';
import { sweepTasks } from './modules.ts';
import { AppError } from '../core/errors.ts';
import { ROLE_LABELS } from '../core/auth/roles.ts';

const HELP = `法治工作台 Fazhi — 命令 / commands
  serve            启动服务（默认）/ start the server (PORT, HOST, FAZHI_DATA_DIR, DATABASE_URL, FAZHI_DEMO)
  migrate          应用数据库迁移 / apply database migrations
  audit verify     校验审计链 / walk the audit chain and report the first broken link
  sweep            立即运行一次期限提醒与超期标记 / run the reminder and overdue sweep once
  demo             载入演示数据（仅空库）/ load the demo department into an empty database`;

async function main(argv: string[]) {
  const config = readConfig();
  const [cmd = 'serve', sub] = argv;
  const ctxOf = () => boot({ url: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers, clock: systemClock });
  switch (cmd) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const ctx = await ctxOf();
      console.log(`数据库迁移已完成 / migrations applied (${ctx.database.kind})`);
      return ctx.database.close();
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const ctx = await ctxOf();
      const result = await verifyChain(ctx.db);
      await ctx.database.close();
      console.log(result.message);
      process.exitCode = result.intact ? 0 : 2;
      return;
    }
    case 'sweep': {
      const ctx = await ctxOf();
      console.log(JSON.stringify(await runSweep(ctx, sweepTasks)));
      return ctx.database.close();
    }
    case 'demo': {
      const ctx = await ctxOf();
      const accounts = await loadDemo(ctx, { history: true });
      printAccounts(accounts);
      return ctx.database.close();
    }
  }
  console.log(HELP);
  process.exitCode = cmd === 'help' || cmd === '--help' ? 0 : 1;
}

async function serve(config: ReturnType<typeof readConfig>) {
  const started = performance.now();
  const ctx = await boot({ url: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers, clock: systemClock });
  const app = await buildApp({ ctx, secureCookies: config.secureCookies, trustProxy: config.trustProxy, logger: { level: config.logLevel } });
  const accounts = config.demo ? await loadDemo(ctx, { history: true }) : null;
  const stopSweep = config.sweepIntervalMs > 0 ? scheduleSweep(ctx, config.sweepIntervalMs, sweepTasks) : async () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    // app.close() stops accepting and waits for in-flight requests; then the database closes cleanly.
    await app.close();
    await stopSweep();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as { port: number };
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`\n法治工作台已启动 / Fazhi is ready (${ctx.database.kind === 'pglite' ? `PGlite: ${config.dataDir}` : 'PostgreSQL'}) in ${Math.round(performance.now() - started)} ms`);
  console.log(`  员工工作台 Staff workbench: ${base}/app/`);
  console.log(`  公众门户   Public portal:   ${base}/`);
  printAccounts(accounts);
  console.log(`FAZHI_READY ${base}`);
}

function printAccounts(accounts: DemoAccount[] | null) {
  if (!accounts) return;
  console.log('\n演示账号（首次登录须修改密码）/ demo accounts (change the password at first sign-in):');
  for (const a of accounts) console.log(`  ${ROLE_LABELS[a.role].padEnd(10, '　')} ${a.username.padEnd(11)} ${a.password}   ${a.displayName}`);
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof AppError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
