import type { ApiHandlers } from '@shared/api/contract';
import { APP_VERSION, PRODUCT_NAME } from '../app-version';
import type { CoreContext } from '../core-context';
import { readSchemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

type AppHandlers = Pick<ApiHandlers, 'getAppInfo'>;

export function createAppHandlers(ctx: CoreContext): AppHandlers {
  const countRows = ctx.db.prepare<[], { batches: number; projects: number; invoices: number }>(`
    SELECT (SELECT count(*) FROM batches)  AS batches,
           (SELECT count(*) FROM projects) AS projects,
           (SELECT count(*) FROM invoices) AS invoices
  `);
  return {
    getAppInfo: () => {
      const counts = countRows.get();
      return {
        productName: PRODUCT_NAME,
        version: APP_VERSION,
        dataDir: ctx.dataDir,
        databaseFile: ctx.databaseFile,
        schemaVersion: readSchemaVersion(ctx.db),
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        counts: counts ?? { batches: 0, projects: 0, invoices: 0 },
      };
    },
  };
}
