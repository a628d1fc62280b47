import { customType } from 'drizzle-orm/pg-core';

/**
 * A PostgreSQL tsvector column. Written with `to_tsvector('simple', toSearchText(...))` and read
 * only by the database (GIN index + @@ to_tsquery); the application never parses its text form.
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});
