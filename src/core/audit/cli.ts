import fs from 'node:fs';
import type { Ctx } from '../context.ts';
import type { SweepTask } from '../cases/sweep.ts';
import { auditCheckpointTask, createCheckpoint } from './checkpoint.ts';
import { verifyOnServer, verifyWithFile } from './export.ts';
import { auditFilesFromEnv, bindAuditFiles } from './keys.ts';
import type { AuditVerifyReport } from './verify.ts';

/**
 * The server's checkpoints: binds the key and file paths to this context (the audit routes then
 * verify against them and export them) and returns the periodic task (run it last in the sweep).
 * A context never bound — a test's — has no file outside the database to compare with.
 */
export function enableAuditCheckpoints(ctx: Ctx, dataDir: string): SweepTask[] {
  const files = auditFilesFromEnv(process.env, dataDir);
  bindAuditFiles(ctx, files);
  return [auditCheckpointTask(files)];
}

const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/**
 * `audit verify [--checkpoints <file>] [--public-key <pem>]` and `audit checkpoint`.
 * Exit code 0 = intact, 2 = tampering found (or a checkpoint refused over a tampered chain).
 */
export async function auditCommand(
  ctx: Ctx,
  sub: 'verify' | 'checkpoint',
  args: string[],
  dataDir: string,
): Promise<number> {
  const files = auditFilesFromEnv(process.env, dataDir);
  if (sub === 'checkpoint') {
    const out = await createCheckpoint(ctx.db, files, ctx.clock.now());
    if (out.kind === 'refused') {
      console.log(out.message);
      return 2;
    }
    if (out.kind === 'created') {
      console.log(
        `已签署审计链检查点：第 ${out.checkpoint.seq} 条事件，哈希 ${out.checkpoint.hash}，密钥标识 ${out.checkpoint.keyId} / checkpoint signed`,
      );
      console.log(`  数据库表 audit_checkpoints 与文件 ${files.checkpointFile}`);
    } else console.log('审计链为空，无需检查点 / the audit chain is empty: nothing to anchor');
    return 0;
  }
  const checkpointFile = option(args, '--checkpoints');
  const publicKeyFile = option(args, '--public-key');
  let report: AuditVerifyReport;
  if (checkpointFile) {
    report = await verifyWithFile(
      ctx.db,
      fs.readFileSync(checkpointFile, 'utf8'),
      publicKeyFile ? fs.readFileSync(publicKeyFile, 'utf8') : undefined,
    );
    if (report.keyId)
      console.log(
        `公钥标识 ${report.keyId}${publicKeyFile ? '' : '（取自检查点文件，请与保管的公钥标识核对）'} / public key id${publicKeyFile ? '' : ' (from the file: compare it with the id you recorded)'}`,
      );
  } else {
    report = await verifyOnServer(ctx.db, files);
    if (report.keyId) console.log(`公钥标识 ${report.keyId} / public key id`);
  }
  console.log(report.message);
  return report.intact ? 0 : 2;
}
