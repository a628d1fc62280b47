import { clockOf, readConfig } from './config.ts';
import { boot } from './boot.ts';
import { buildApp } from './app.ts';
import { loadDemo, reissueDemoAccounts, type ListedAccount } from './demo.ts';
import { resetPasswordByCommand, setActiveByCommand } from '../core/users/service.ts';
import { auditCommand, enableAuditCheckpoints } from '../core/audit/cli.ts';
import { migrateAsOwner } from '../core/audit/roles.ts';
import { scheduleSweep, runSweep } from '../core/cases/sweep.ts';
import { appendOnlyTables, sweepTasks } from './modules.ts';
import { AppError } from '../core/errors.ts';
import { backupPglite, restorePglite } from '../core/db/client.ts';
import { ROLE_LABELS } from '../core/auth/roles.ts';
import { alignColumns } from './accountsTable.ts';
import { redrawCommand } from '../modules/enforcement/index.ts';

const HELP = `法治工作台 Fazhi — 命令 / commands
  serve            启动服务（默认）/ start the server (PORT, HOST, FAZHI_DATA_DIR, DATABASE_URL, FAZHI_DEMO)
  migrate          应用数据库迁移 / apply database migrations (DATABASE_MIGRATION_URL: as the tables' owner,
                   then grant DATABASE_URL's role its privileges; README "Database roles")
  audit verify [--checkpoints <文件>] [--public-key <公钥.pem>]
                   校验审计链及签名检查点（数据库、检查点文件副本或审计管理员导出的文件）；发现篡改时退出码为 2
                   / verify the chain and its signed checkpoints (exit code 2 on tampering)
  audit checkpoint 立即签署审计链检查点 / sign a checkpoint of the chain head now (FAZHI_AUDIT_KEY_FILE,
                   FAZHI_AUDIT_CHECKPOINT_FILE; default <FAZHI_DATA_DIR>/audit-signing-key.pem, audit-checkpoints.jsonl)
  inspections redraw <抽取编号>
                   用公布的数据重新运行“双随机”抽取并核对结果 / re-run a random-inspection draw and compare
  sweep            立即运行一次期限提醒与超期标记 / run the reminder and overdue sweep once
  demo             载入演示数据（仅空库）；已有演示数据时重新列出演示账号 / load the demo department into an
                   empty database; when it exists, list the demo accounts again (unused ones get a new initial password)
  backup <文件>     备份 PGlite 数据目录（须先停止服务器）/ back up the PGlite data dir (stop the server first);
                   PostgreSQL 请用 pg_dump -Fc / with DATABASE_URL use pg_dump -Fc
  restore <文件> [--replace]
                   从备份恢复 PGlite 数据目录（须先停止服务器；已有数据须加 --replace，原数据移到旁边保留）
                   / restore the PGlite data dir from a backup (server stopped; --replace moves existing data aside)
  users reset-password <用户名> [--administrator]
                   重置密码并打印新的初始密码（记入审计；管理员账号须加 --administrator）/ reset a password
                   and print a new initial password (audited; administrator accounts need --administrator)
  users deactivate|activate <用户名> [--administrator]
                   停用或启用账号（记入审计；管理员账号须加 --administrator）/ stop or restore an account

测试与演示辅助 / test and demo aid: FAZHI_NOW=2027-02-06 让服务器时钟从该日开始走 / the clock starts at that date`;

async function main(argv: string[]) {
  const config = readConfig();
  const [cmd = 'serve', sub, ...rest] = argv;
  const ctxOf = async () => {
    await migrateFirst(config);
    return boot({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      sharedBuffers: config.pgliteSharedBuffers,
      clock: clockOf(config),
    });
  };
  switch (cmd) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const ctx = await ctxOf();
      console.log(`数据库迁移已完成 / migrations applied (${ctx.database.kind})`);
      return ctx.database.close();
    }
    case 'audit': {
      if (sub !== 'verify' && sub !== 'checkpoint') break;
      const ctx = await ctxOf();
      try {
        process.exitCode = await auditCommand(ctx, sub, rest, config.dataDir);
      } finally {
        await ctx.database.close();
      }
      return;
    }
    case 'inspections': {
      if (sub !== 'redraw' || !rest[0]) break;
      const ctx = await ctxOf();
      try {
        process.exitCode = await redrawCommand(ctx.db, rest[0]);
      } finally {
        await ctx.database.close();
      }
      return;
    }
    case 'sweep': {
      const ctx = await ctxOf();
      console.log(JSON.stringify(await runSweep(ctx, sweepTasks)));
      return ctx.database.close();
    }
    case 'demo': {
      const ctx = await ctxOf();
      try {
        const loaded = await loadDemo(ctx, { history: true });
        const accounts = loaded ?? (await reissueDemoAccounts(ctx));
        if (!accounts) {
          console.log(
            '数据库中已有其他机构，未载入演示数据 / the database holds other organisations: no demo loaded',
          );
          process.exitCode = 1;
        } else if (!loaded) console.log('演示数据已存在 / the demo already exists');
        printAccounts(accounts);
      } finally {
        await ctx.database.close();
      }
      return;
    }
    // --- backup / restore (PGlite; offline) ---
    case 'backup':
    case 'restore': {
      if (!sub) break;
      if (config.databaseUrl) {
        console.error(
          'PostgreSQL 请用 pg_dump / pg_restore 备份与恢复（见 README“生产部署”）/ with PostgreSQL use pg_dump -Fc and pg_restore (README, Production)',
        );
        process.exitCode = 1;
        return;
      }
      if (cmd === 'backup') {
        const { bytes } = await backupPglite(config.dataDir, sub);
        console.log(
          `已备份 ${config.dataDir} → ${sub}（${(bytes / 1024 / 1024).toFixed(1)} MB）/ backed up`,
        );
      } else {
        const { movedAside } = await restorePglite(config.dataDir, sub, {
          replace: rest.includes('--replace'),
        });
        console.log(
          `已从 ${sub} 恢复到 ${config.dataDir}${movedAside ? `；原数据已移到 ${movedAside}` : ''} / restored; run: npm run fazhi -- audit verify`,
        );
      }
      return;
    }
    // --- end backup / restore ---
    case 'users': {
      const username = rest.find((a) => !a.startsWith('--'));
      if (!['reset-password', 'deactivate', 'activate'].includes(sub ?? '') || !username) break;
      const ctx = await ctxOf();
      const administrator = rest.includes('--administrator');
      try {
        if (sub === 'reset-password') {
          const { user, initialPassword } = await resetPasswordByCommand(ctx, username, {
            administrator,
            reason: 'cli',
          });
          console.log(
            `已重置 ${user.displayName}（${user.username}）的密码，初始密码（首次登录须修改）/ new initial password: ${initialPassword}`,
          );
        } else {
          const user = await setActiveByCommand(ctx, username, sub === 'activate', {
            administrator,
          });
          console.log(
            `已${sub === 'activate' ? '启用' : '停用'} ${user.displayName}（${user.username}）/ ${sub}d`,
          );
        }
      } finally {
        await ctx.database.close();
      }
      return;
    }
  }
  console.log(HELP);
  process.exitCode = cmd === 'help' || cmd === '--help' ? 0 : 1;
}

/** With DATABASE_MIGRATION_URL the owner migrates and grants; the app role then only checks (boot). */
async function migrateFirst(config: ReturnType<typeof readConfig>) {
  if (!config.migrationUrl || !config.databaseUrl) return;
  const done = await migrateAsOwner(config.migrationUrl, config.databaseUrl, appendOnlyTables);
  if (done.applied.length)
    console.log(
      `数据库迁移由 ${done.owner} 执行（${done.applied.length} 项），应用账号 ${done.app} 已授权 / migrated as ${done.owner} (${done.applied.length} applied), privileges granted to ${done.app}`,
    );
}

async function serve(config: ReturnType<typeof readConfig>) {
  const started = performance.now();
  await migrateFirst(config);
  const ctx = await boot({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffers: config.pgliteSharedBuffers,
    clock: clockOf(config),
  });
  const app = await buildApp({
    ctx,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    sessionMaxHours: config.sessionMaxHours,
    logger: { level: config.logLevel },
  });
  const accounts = config.demo ? await loadDemo(ctx, { history: true }) : null;
  const auditTasks = enableAuditCheckpoints(ctx, config.dataDir);
  const stopSweep =
    config.sweepIntervalMs > 0
      ? scheduleSweep(ctx, config.sweepIntervalMs, [...sweepTasks, ...auditTasks])
      : async () => {};
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
  // The logger writes asynchronously: flush its 「Server listening」 line before the banner and the table.
  const log = app.log as { flush?: (cb: (err?: Error) => void) => void };
  if (log.flush) await new Promise<void>((resolve) => log.flush!(() => resolve()));
  const { port } = app.server.address() as { port: number };
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(
    `\n法治工作台已启动 / Fazhi is ready (${ctx.database.kind === 'pglite' ? `PGlite: ${config.dataDir}` : 'PostgreSQL'}) in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`  员工工作台 Staff workbench: ${base}/app/`);
  console.log(`  公众门户   Public portal:   ${base}/`);
  if (config.now)
    console.log(`  时钟 Clock: FAZHI_NOW=${config.now}（测试与演示用 / test and demo aid）`);
  printAccounts(accounts);
  if (config.demo && !accounts)
    console.log(
      '\n演示数据已载入；重新列出演示账号 / to list the demo accounts again: npm run fazhi -- demo',
    );
  console.log(`FAZHI_READY ${base}`);
}

function printAccounts(accounts: ListedAccount[] | null) {
  if (!accounts) return;
  const rows = accounts.map((a) => [
    ROLE_LABELS[a.role],
    a.username,
    a.password ?? '（已由本人修改 / changed by its owner）',
    a.displayName,
  ]);
  // One write, so no log line lands inside the table.
  console.log(
    [
      '\n演示账号（首次登录须修改密码）/ demo accounts (change the password at first sign-in):',
      ...alignColumns(rows),
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof AppError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
