// node:test as the compiled test files see it (scripts/compile-tests.mjs points their imports here).
// Outside a queue worker every call goes straight to node:test. In a worker (scripts/test-worker.mjs)
// the calls a file makes while it loads are recorded instead, and the worker replays them inside one
// suite per file: each file's top-level hooks then belong to its own suite, as they did when every
// file had a process of its own.
import * as nodeTest from 'node:test';

let recording = null;

/** `name` is a path into node:test: 'test', 'test.skip', 'test.after', … */
const real = (name) => name.split('.').reduce((o, k) => o[k], nodeTest);
const call = (name, args) => {
  if (!recording) return real(name)(...args);
  recording.push({ name, args });
};

// Each function with its variants (test.skip, test.todo, test.only, test.after, …).
const api = (name) => {
  const fn = (...args) => call(name, args);
  for (const key of Object.keys(nodeTest[name]))
    if (typeof nodeTest[name][key] === 'function')
      fn[key] = (...args) => call(`${name}.${key}`, args);
  return fn;
};

export const test = api('test');
export const it = api('it');
export const describe = api('describe');
export const suite = api('suite');
export const before = api('before');
export const after = api('after');
export const beforeEach = api('beforeEach');
export const afterEach = api('afterEach');
export const mock = nodeTest.mock;
export default test;

/** Runs `load` (a file's import) and returns the node:test calls it made, in order. */
export async function record(load) {
  if (recording) throw new Error('test-shim: a file is already loading');
  recording = [];
  try {
    await load();
    return recording;
  } finally {
    recording = null;
  }
}

/** Makes recorded calls for real, in the current suite. */
export function replay(calls) {
  for (const { name, args } of calls) real(name)(...args);
}
