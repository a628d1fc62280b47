import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

/**
 * Exclusive lock on an embedded data dir. PGlite has no cross-process locking: two processes that
 * open one dir both "succeed" and committed writes are silently lost, so a second process is refused.
 *
 * Taking it: create `fazhi.lock` with O_EXCL (`wx`), written in full before it appears (a temp file
 * hard-linked into place, so nobody reads a half-written lock). A stale lock (its process is dead)
 * is taken over by renaming a fresh lock over it — only if the file is still the one judged stale
 * (same inode and content) — then re-reading it: a starter whose token is not in the file lost the
 * race and is refused, so exactly one of many simultaneous starters wins.
 */
export interface DirLock {
  release(): void;
}

interface Holder {
  pid?: number;
  host?: string;
  since?: string;
  token?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const readHolder = (file: string): { holder: Holder; ino: number } | null => {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const ino = fs.fstatSync(fd).ino;
      const text = fs.readFileSync(fd, 'utf8');
      try {
        return { holder: JSON.parse(text) as Holder, ino };
      } catch {
        return { holder: {}, ino };
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};

const lockedError = (dir: string, pid?: number) =>
  new AppError(
    'DATA_DIR_LOCKED',
    `数据目录 ${dir} 已被另一个法治工作台进程（PID ${pid ?? '未知'}）占用，不能同时打开。` +
      ` / The data dir ${dir} is in use by another Fazhi process (PID ${pid ?? 'unknown'}); refusing to open it twice.`,
  );

/** A lock file's content written completely to a private temp name (then linked or renamed into place). */
function writeTemp(dir: string, body: string): string {
  const tmp = path.join(dir, `.fazhi.lock.${process.pid}.${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(tmp, body, { flag: 'wx' });
  return tmp;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The takeover guard (O_EXCL). One left behind by a crash mid-takeover (older than 10 s) is removed. */
function takeGuard(guard: string): boolean {
  try {
    fs.closeSync(fs.openSync(guard, 'wx'));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 10_000) fs.rmSync(guard, { force: true });
    } catch {
      /* gone meanwhile */
    }
    return false;
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fazhi.lock');
  const token = randomBytes(16).toString('hex');
  const body = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    token,
  });
  const owned = () => readHolder(file)?.holder.token === token;
  const handle = (): DirLock => {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        try {
          if (owned()) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      },
    };
  };
  const guard = path.join(dir, 'fazhi.lock.takeover');
  for (let attempt = 0; attempt < 50; attempt++) {
    const tmp = writeTemp(dir, body);
    try {
      try {
        fs.linkSync(tmp, file); // atomic create-if-absent, with the content already in place
        return handle();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = readHolder(file);
      if (!seen) continue; // released meanwhile: try again
      const { holder, ino } = seen;
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && (!sameHost || isAlive(holder.pid))) throw lockedError(dir, holder.pid);
      // Stale: one starter at a time may replace it (the takeover guard, O_EXCL), and only if it is
      // still the very file judged stale; the others retry and find the winner's live lock.
      if (!takeGuard(guard)) {
        sleep(10 + Math.random() * 20);
        continue;
      }
      try {
        const again = readHolder(file);
        if (!again || again.ino !== ino || again.holder.token !== holder.token) continue;
        fs.renameSync(tmp, file);
      } finally {
        fs.rmSync(guard, { force: true });
      }
      if (owned()) return handle();
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  throw new AppError(
    'DATA_DIR_LOCKED',
    `无法锁定数据目录 ${dir} / Could not lock the data dir ${dir}`,
  );
}
