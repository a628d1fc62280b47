/**
 * `npm run fazhi -- inspections redraw <抽取编号>`: re-runs a draw from its published data (commitment,
 * nonce, draw time, snapshot) and compares with the stored result. Exit code 0 when identical, 2 when not.
 */
import type { DbOrTx } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { redrawById } from './draws.ts';

export async function redrawCommand(
  db: DbOrTx,
  id: string,
  print: (line: string) => void = console.log,
): Promise<number> {
  try {
    const r = await redrawById(db, id);
    print(`抽取编号 / draw: ${r.draw.id}（第${r.draw.seq}次）`);
    print(`承诺值 / commitment: ${r.draw.commitment}`);
    print(`抽取时间 / drawn at: ${r.draw.drawnAt}`);
    print(`快照哈希 / snapshot sha256: ${r.snapshotHash}`);
    print(`随机种子 / seed: ${r.seed}`);
    print(`抽取检查对象 / targets drawn: ${r.result.length}`);
    for (const x of r.result) print(`  ${x.c}  ${x.i.join(' ')}`);
    print(
      r.same
        ? '复核一致：重新运行的结果与公布的结果相同 / identical'
        : '复核不一致：重新运行的结果与公布的结果不同 / DIFFERENT',
    );
    return r.same ? 0 : 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print(e.message);
    return e.code === 'NOT_FOUND' ? 1 : 2;
  }
}
