// Builds the staff workbench (src/web → dist/web) with Vite, but only when it is missing or stale.
// Prints exactly one line either way. Used by `npm start`.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src', 'web');
const configFile = join(root, 'vite.config.ts');
const indexHtml = join(root, 'dist', 'web', 'index.html');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function staleReason() {
  if (!existsSync(indexHtml)) return 'dist/web/index.html is missing';
  const built = statSync(indexHtml).mtimeMs;
  const sources = Math.max(
    newestMtime(srcDir),
    existsSync(configFile) ? statSync(configFile).mtimeMs : 0,
  );
  return sources > built ? 'sources changed' : null;
}

const reason = staleReason();
if (!reason) {
  console.log(`web: ${relative(root, indexHtml)} is up to date`);
} else {
  const started = Date.now();
  try {
    // Built beside and swapped in, so that a server or a second build running at the same time never
    // sees a half-written dist/web.
    const { build } = await import('vite');
    const out = join(root, 'dist', `web.build-${process.pid}`);
    const old = join(root, 'dist', `web.old-${process.pid}`);
    await build({
      configFile,
      logLevel: 'error',
      mode: 'production',
      build: { outDir: out, emptyOutDir: true },
    });
    if (existsSync(join(root, 'dist', 'web'))) renameSync(join(root, 'dist', 'web'), old);
    renameSync(out, join(root, 'dist', 'web'));
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    console.error(
      `web: build failed (${reason}): ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
}
