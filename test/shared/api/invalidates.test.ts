import { describe, expect, it } from 'vitest';
import { apiContract, invalidatedBy, methodNames } from '@shared/api/contract';

describe('queries a method makes out of date', () => {
  it('names only existing methods', () => {
    for (const method of methodNames) {
      const entry = apiContract[method];
      const declared = 'invalidates' in entry ? [...entry.invalidates] : [];
      expect(invalidatedBy(method), method).toEqual(declared);
    }
  });

  it('refreshes the project list (its review state) and the audit log after a decision', () => {
    expect(invalidatedBy('decideInvoices')).toEqual(['listProjects', 'listAuditLog']);
    expect(invalidatedBy('getProjectVerification')).toEqual([]);
  });
});
