import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import { createDemoContext, type TestContext } from '../../server/testing.ts';
import { MODULES } from '../../server/modules.ts';
import { auditCatalogue, type AuditCatalogue } from './labels.ts';
import { CORE_ENTITIES } from './present.ts';
import { auditCodesInSource } from './sourceCodes.ts';

let t: TestContext;
let cat: AuditCatalogue;
before(async () => {
  t = await createDemoContext();
  cat = auditCatalogue({
    modules: MODULES,
    procedures: t.ctx.procedures.all(),
    coreEntities: CORE_ENTITIES,
  });
});
after(() => t.close());

test('every action code written in the source has a Chinese name (literal codes and helpers’ literal acts)', () => {
  const found = auditCodesInSource(process.cwd());
  assert.ok(found.length > 100, `the scan finds the codes (${found.length})`);
  const missing = [
    ...new Set(found.filter((c) => !cat.action(c.code)).map((c) => `${c.code}（${c.file}）`)),
  ];
  assert.deepEqual(
    missing,
    [],
    `audit action codes without a Chinese name: add them to the module's auditLabels.ts (ModuleManifest.audit) or to CORE_AUDIT_GROUPS`,
  );
});

test('every action on the demo’s audit chain has a Chinese name, every record kind a name', async () => {
  const rows = await queryRows<{ action: string; procedure: string | null; entity_type: string }>(
    t.ctx.db,
    sql`select distinct action, payload->>'procedure' as procedure, entity_type from audit_events`,
  );
  assert.ok(rows.length > 30, 'the demo writes many kinds of event');
  const unnamed = rows
    .filter((r) => !cat.action(r.action, r.procedure ?? undefined))
    .map((r) => r.action);
  assert.deepEqual(unnamed, []);
  const kinds = rows.filter((r) => !cat.entity(r.entity_type)).map((r) => r.entity_type);
  assert.deepEqual([...new Set(kinds)], [], 'record kinds without a Chinese name');
});

test('an engine act is named by its procedure; an unknown code is not', () => {
  const someProcedure = t.ctx.procedures.all()[0];
  const act = someProcedure.def.actions[0];
  assert.equal(cat.action(`case.${act.code}`, someProcedure.def.code)?.label, act.label);
  assert.equal(cat.action('no.such.code'), undefined);
  assert.equal(cat.action('auth.login')?.label, '登录');
});
