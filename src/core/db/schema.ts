// Every table, for the drizzle client's relational typing. Modules add their schema here.
export * from '../orgs/schema.ts';
export * from '../auth/schema.ts';
export * from '../settings/schema.ts';
export * from '../audit/schema.ts';
export * from '../calendar/schema.ts';
export * from '../cases/schema.ts';
