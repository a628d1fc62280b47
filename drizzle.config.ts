import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations from the schema files; the app applies them itself
// (src/core/db/migrate.ts) on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/core/*/schema.ts', './src/modules/*/schema.ts', './src/modules/*/*/schema.ts'],
  out: './migrations',
});
