import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/**
 * The PostgreSQL privileges of the application's role (等保2.0 三级 安全审计, 访问控制: 最小权限).
 * The owner role runs the migrations and owns every table; the application role is not the owner,
 * so it cannot ALTER TABLE … DISABLE TRIGGER, and it is never granted UPDATE, DELETE or TRUNCATE on
 * the append-only tables: core's own (the audit log and its checkpoints) and those the modules'
 * manifests declare (`appendOnlyTables`), handed in by the caller — core names no module's table.
 * README ("Database roles") prints the same statements.
 */
export const CORE_APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints'] as const;

/** A role name as an SQL identifier: plain when it is one, quoted otherwise. */
const ident = (name: string) =>
  /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;

/**
 * Statements the owner role runs after every migration (`migrateAsOwner` does it when
 * DATABASE_MIGRATION_URL is set). The application role gets no CREATE on the schema: it only checks
 * at start that the owner applied every migration (`pendingMigrations` creates nothing).
 */
export function appRoleGrants(
  appRole: string,
  ownerRole: string,
  moduleAppendOnly: readonly string[],
): string[] {
  const app = ident(appRole);
  const owner = ident(ownerRole);
  const appendOnly = [...new Set([...CORE_APPEND_ONLY_TABLES, ...moduleAppendOnly])].map(ident);
  return [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `REVOKE CREATE ON SCHEMA public FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON ${appendOnly.join(', ')} FROM ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
  ];
}

export interface OwnerMigration {
  applied: string[];
  owner: string;
  app: string;
}

/**
 * DATABASE_MIGRATION_URL: the migrations run over the owner's connection, then the owner grants the
 * application role (DATABASE_URL's) its privileges again — a new table, or a new append-only one,
 * is never left with the wrong rights. Refuses an application role that could undo the protection
 * (a superuser, or a member of the owner role: it could disable the audit table's trigger).
 * `moduleAppendOnly`: the tables the modules' manifests declare append-only (server/modules.ts).
 */
export async function migrateAsOwner(
  migrationUrl: string,
  appUrl: string,
  moduleAppendOnly: readonly string[],
): Promise<OwnerMigration> {
  const appDb = await openDatabase({ url: appUrl, poolSize: 1 });
  let app: string;
  try {
    [{ app }] = await queryRows<{ app: string }>(appDb.db, sql`select current_user as app`);
  } finally {
    await appDb.close();
  }
  const owner = await openDatabase({ url: migrationUrl, poolSize: 1 });
  try {
    const [me] = await queryRows<{ owner: string; privileged: boolean }>(
      owner.db,
      sql`select current_user as owner, (select rolsuper from pg_roles where rolname = ${app}) or pg_has_role(${app}, current_user, 'MEMBER') as privileged`,
    );
    if (me.owner !== app && me.privileged) {
      throw new Error(
        `DATABASE_URL 的数据库账号 ${app} 是超级用户或属于表的所有者 ${me.owner}，可以停用审计表的触发器：请使用单独的应用账号（README “Database roles”）/ the application role ${app} is a superuser or a member of the owner ${me.owner}: use a separate application role`,
      );
    }
    const applied = await migrate(owner.db);
    if (me.owner !== app) {
      await owner.db.transaction(async (tx) => {
        for (const statement of appRoleGrants(app, me.owner, moduleAppendOnly))
          await tx.execute(sql.raw(statement));
      });
    }
    return { applied, owner: me.owner, app };
  } finally {
    await owner.close();
  }
}
