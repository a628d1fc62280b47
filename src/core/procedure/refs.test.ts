import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../cases/registry.ts';
import { compile, type ProcedureDef } from './engine.ts';
import { procedureRegistry } from '../../server/modules.ts';

const base: ProcedureDef = {
  code: 'sample',
  label: '示例',
  statuses: [
    { code: 'open', label: '办理中' },
    { code: 'closed', label: '已办结', final: true },
  ],
  initialStatus: 'open',
  steps: [
    { code: 'answer', label: '答复', roles: ['staff'], open: { status: 'open' }, clock: 'answer' },
  ],
  actions: [
    { code: 'receive', label: '收到', roles: ['staff'], statuses: ['open'] },
    {
      code: 'reply',
      label: '答复',
      roles: ['staff'],
      requires: [{ when: { done: 'receive' }, code: 'not_received', message: '尚未收到' }],
      effects: [{ status: 'closed' }],
    },
  ],
  clocks: [
    {
      code: 'answer',
      label: '答复期限',
      unit: 'workday',
      count: 20,
      start: [{ action: 'receive' }],
      stop: ['reply'],
    },
  ],
};

test('a procedure whose names all resolve compiles; every registered procedure does', () => {
  assert.ok(compile(structuredClone(base)));
  assert.ok(procedureRegistry().all().length >= 6);
});

test('a typo in a gate, a step, a status or a clock fails at start-up, naming the place', () => {
  const typos: Array<[string, (p: ProcedureDef) => void, RegExp]> = [
    [
      'gate',
      (p) => (p.actions[1].requires![0].when = { done: 'recieve' }),
      /unknown action "recieve" in action reply gate not_received/,
    ],
    [
      'nested condition',
      (p) =>
        (p.steps[0].open = {
          all: [{ status: 'open' }, { not: { clock: 'anwser', state: 'running' } }],
        }),
      /unknown clock "anwser" in step answer\.open\.all\[1\]\.not/,
    ],
    [
      'effect status',
      (p) => (p.actions[1].effects = [{ status: 'closd' }]),
      /unknown status "closd" in action reply\.effects\[0\]/,
    ],
    [
      'offered in',
      (p) => (p.actions[0].statuses = ['opne']),
      /unknown status "opne" in action receive\.statuses/,
    ],
    [
      'step clock',
      (p) => (p.steps[0].clock = 'answr'),
      /unknown clock "answr" in step answer\.clock/,
    ],
    [
      'clock stop',
      (p) => (p.clocks[0].stop = ['replied']),
      /unknown action "replied" in clock answer\.stop/,
    ],
  ];
  for (const [name, mutate, message] of typos) {
    const p = structuredClone(base);
    mutate(p);
    assert.throws(
      () => createRegistry([{ def: p, module: 'sample', moduleLabel: '示例' }]),
      message,
      name,
    );
  }
});
