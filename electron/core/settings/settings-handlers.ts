import type { ApiHandlers } from '@shared/api/contract';
import { createAuditReader } from '../audit/audit-log';
import { createAuditTrail } from '../audit/audit-trail';
import type { CoreContext } from '../core-context';
import { createSettingsStore } from './settings-store';

type SettingsHandlers = Pick<ApiHandlers, 'getSettings' | 'updateSettings' | 'listAuditLog'>;

export function createSettingsHandlers(ctx: CoreContext): SettingsHandlers {
  const store = createSettingsStore(ctx.db);
  const audit = createAuditTrail(ctx.db, ctx.now);
  const auditReader = createAuditReader(ctx.db);
  return {
    listAuditLog: ({ subject, limit }) => auditReader.list(subject, limit),
    getSettings: () => store.read(),
    updateSettings: (changes) =>
      ctx.db.transaction(() => {
        const before = store.read();
        const after = {
          reviewerName: changes.reviewerName ?? before.reviewerName,
          reviewerOrganization: changes.reviewerOrganization ?? before.reviewerOrganization,
          reviewerRole: changes.reviewerRole ?? before.reviewerRole,
        };
        store.write(after);
        audit.record({ action: 'settings-change', subject: 'settings', details: { before, after } });
        return after;
      })(),
  };
}
