import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

/**
 * Exclusive lock on an embedded data dir. PGlite has no cross-process locking: two processes that
 * open one dir both "succeed" and committed writes are silently lost, so a second process is refused.
 */
export interface DirLock { release(): void }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fazhi.lock');
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, body);
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            const held = JSON.parse(fs.readFileSync(file, 'utf8'));
            if (held.pid === process.pid) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* half-written lock: treat as stale */
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && (!sameHost || isAlive(holder.pid))) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dir} 已被另一个法治工作台进程（PID ${holder.pid}）占用，不能同时打开。` +
            ` / The data dir ${dir} is in use by another Fazhi process (PID ${holder.pid}); refusing to open it twice.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock of a dead process
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dir} / Could not lock the data dir ${dir}`);
}
