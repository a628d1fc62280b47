import { openDatabase, type Database } from '../core/db/client.ts';
import { migrate } from '../core/db/migrate.ts';
import { createCalendarStore } from '../core/calendar/store.ts';
import type { Clock } from '../core/clock.ts';
import type { Ctx } from '../core/context.ts';
import { forgetSettings } from '../core/settings/service.ts';
import { procedureRegistry } from './modules.ts';

/** Opens the database, applies migrations and loads the calendar: the context every entry point needs. */
export async function boot(opts: {
  url?: string;
  dataDir?: string;
  loadDataDir?: Blob;
  clock: Clock;
  poolSize?: number;
  sharedBuffers?: string;
  database?: Database;
}): Promise<Ctx> {
  const database = opts.database ?? (await openDatabase(opts));
  forgetSettings(); // cached per process: values read from another database must not carry over
  try {
    await migrate(database.db);
    const calendar = createCalendarStore();
    await calendar.reload(database.db);
    return {
      db: database.db,
      database,
      clock: opts.clock,
      calendar,
      procedures: procedureRegistry(),
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
