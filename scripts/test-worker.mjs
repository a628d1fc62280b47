// A test process that runs many test files, one after another: scripts/test.mjs starts one worker per
// slot and the workers take the files from a shared queue (each file is claimed by creating a directory
// named after its index, which only one process can do). A file's tests run in a suite named after the
// file (scripts/test-shim.mjs scopes its hooks to it). What the files share is what a process loads once:
// the server's modules, PGlite's compiled WebAssembly and the test dumps.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { record, replay } from './test-shim.mjs';

const { files, claims, timeline } = JSON.parse(
  fs.readFileSync(process.env.FAZHI_TEST_QUEUE, 'utf8'),
);

const claim = (i) => {
  try {
    fs.mkdirSync(path.join(claims, String(i)));
    return true;
  } catch {
    return false;
  }
};

for (let i = 0; i < files.length; i++) {
  if (!claim(i)) continue;
  const { label, file } = files[i];
  const start = Date.now();
  const cpu = process.cpuUsage();
  let calls;
  let failure;
  try {
    calls = await record(() => import(pathToFileURL(file).href));
  } catch (e) {
    failure = e;
  }
  await new Promise((resolve) => {
    describe(label, () => {
      // First: a failing hook of the file stops the after hooks registered behind it. The next file's
      // suite waits for this one to end all the same (the root runs its suites one at a time).
      after(() => {
        // The worker's own CPU while the file ran (not the servers or browsers it drove).
        const { user, system } = process.cpuUsage(cpu);
        const record = { label, start, end: Date.now(), cpu: Math.round((user + system) / 1000) };
        fs.appendFileSync(timeline, `${JSON.stringify(record)}\n`);
        resolve();
      });
      if (failure)
        test('loads the file', () => {
          throw failure;
        });
      else replay(calls);
    });
  });
}
