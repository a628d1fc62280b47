// Every table, for the drizzle client's relational typing. Modules add their schema here.
export * from '../orgs/schema.ts';
export * from '../auth/schema.ts';
export * from '../settings/schema.ts';
export * from '../audit/schema.ts';
export * from '../calendar/schema.ts';
export * from '../cases/schema.ts';
export * from '../../modules/consultation/schema.ts';
export * from '../../modules/documents/schema.ts';
export * from '../../modules/disclosure/requests/schema.ts';
export * from '../../modules/disclosure/report/schema.ts';
export * from '../numbering/schema.ts';
export * from '../files/schema.ts';
export * from '../../modules/disclosure/publications/schema.ts';
export * from '../../modules/reviews/schema.ts';
export * from '../../modules/decisions/schema.ts';
export * from '../../modules/meetings/schema.ts';
export * from '../../modules/reports/analyser/schema.ts';
