/**
 * The PostgreSQL privileges of the application's role (等保2.0 三级 安全审计, 访问控制: 最小权限).
 * The owner role runs the migrations and owns every table; the application role is not the owner,
 * so it cannot ALTER TABLE … DISABLE TRIGGER, and it is never granted UPDATE, DELETE or TRUNCATE on
 * the append-only tables. README ("审计检查点与生产数据库角色") prints the same statements.
 */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints', 'decision_evidence'] as const;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid role name: ${name}`);
  return name;
};

/** Statements an administrator runs as the owner role after `npm run migrate`. */
export function appRoleGrants(appRole: string, ownerRole: string): string[] {
  const app = ident(appRole);
  const owner = ident(ownerRole);
  return [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // The server checks at every start that all migrations are applied (create table if not exists
    // fazhi_migrations), which PostgreSQL 15+ refuses without CREATE on the schema. CREATE lets the role
    // make new tables, never alter, drop or disable triggers on the owner's.
    `GRANT CREATE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
  ];
}
