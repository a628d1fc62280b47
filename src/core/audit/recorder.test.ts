// The one audit helper: a module's codes are its own list plus `${prefix}${ActionCode}` of its
// procedures (typed, each named by the act's label); a code built at run time is accepted only when
// the list names it; what is stored is the code itself, read back with its Chinese name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../server/testing.ts';
import { queryRows } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { systemActor } from '../auth/actor.ts';
import { defineProcedure } from '../procedure/types.ts';
import { auditCatalogue, procedureActionLabels, type ModuleAudit } from './labels.ts';
import { auditRecorder, type AuditCode } from './recorder.ts';

const SAMPLE = defineProcedure({
  code: 'sampleCase',
  label: '示例案件',
  statuses: [{ code: 'open', label: '办理中' }],
  initialStatus: 'open',
  steps: [],
  clocks: [],
  actions: [
    { code: 'receive', label: '收到材料', roles: ['staff'] },
    { code: 'answer', label: '提出答复', roles: ['staff'] },
  ],
});

const sampleAudit = {
  actions: {
    ...procedureActionLabels('sample.', [SAMPLE]),
    'sample.register': '登记示例案件',
  },
  entities: { sampleCase: { label: '示例案件' } },
} as const satisfies ModuleAudit;

const audit = auditRecorder(sampleAudit);
const system = systemActor({ departmentId: null });

// Compile-time: the codes are exactly the list's own and the procedure's acts under the prefix.
const codes: AuditCode<typeof sampleAudit>[] = [
  'sample.register',
  'sample.receive',
  'sample.answer',
];
// @ts-expect-error an act the procedure does not declare is not a code
const notACode: AuditCode<typeof sampleAudit> = 'sample.decide';
void notACode;

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

test('each act of the procedure is named by its label under the prefix', () => {
  assert.deepEqual(sampleAudit.actions, {
    'sample.receive': '收到材料',
    'sample.answer': '提出答复',
    'sample.register': '登记示例案件',
  });
  assert.deepEqual(Object.keys(sampleAudit.actions).sort(), [...codes].sort());
});

test('a code built at run time: accepted when the list names it, refused otherwise (nothing unnamed is written)', () => {
  const act: string = 'answer';
  assert.equal(audit.code(`sample.${act}`), 'sample.answer');
  for (const unnamed of ['sample.decide', 'other.answer', 'toString', ''])
    assert.throws(
      () => audit.code(unnamed),
      (e: unknown) => e instanceof AppError && e.code === 'INTERNAL',
      unnamed,
    );
});

test('the stored action is the code itself, and the audit log reads it with its Chinese name', async () => {
  const { ctx } = t;
  const seqs = await ctx.db.transaction(async (tx) => [
    await audit(tx, ctx, system, 'sample.register', {
      type: 'sampleCase',
      id: null,
    }),
    await audit(
      tx,
      ctx,
      system,
      audit.code('sample.answer'),
      { type: 'sampleCase', id: null },
      { on: '2025-03-03' },
    ),
  ]);
  const rows = await queryRows<{
    seq: number;
    action: string;
    entity_type: string;
    payload: unknown;
  }>(
    ctx.db,
    sql`select seq, action, entity_type, payload from audit_events where seq in (${sql.join(
      seqs.map((s) => sql`${s}`),
      sql`, `,
    )}) order by seq`,
  );
  assert.deepEqual(
    rows.map((r) => [r.action, r.entity_type, r.payload]),
    [
      ['sample.register', 'sampleCase', {}],
      ['sample.answer', 'sampleCase', { on: '2025-03-03' }],
    ],
  );
  const catalogue = auditCatalogue({
    modules: [{ name: 'sample', label: '示例', audit: sampleAudit }],
    procedures: [],
  });
  assert.deepEqual(
    rows.map((r) => catalogue.action(r.action)?.label),
    ['登记示例案件', '提出答复'],
  );
});
