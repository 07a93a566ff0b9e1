import { describe, expect, it } from 'vitest';
import { auditEntryHash, sha256Hex } from '@core/audit/audit-hash';
import { AUDIT_ACTION_IDS, AUDIT_ACTIONS, auditActionLabel } from '@shared/audit/audit-action';
import { AUDIT_CHAIN_GENESIS, verifyAuditChain, type AuditChainEntry, type ChainedAuditEntry } from '@shared/audit/audit-chain';

const ENTRIES: AuditChainEntry[] = [
  { id: 1, at: '2026-11-20T01:00:00.000Z', actorId: 'r-1', actor: '陈立新', action: 'package-import', subject: 'batch:XM-2026-YS-01', details: '{"projects":3}' },
  {
    id: 2,
    at: '2026-11-20T01:05:00.000Z',
    actorId: 'r-1',
    actor: '陈立新',
    action: 'invoice-reduce',
    subject: 'project:XM-2026-YS-01/XM2024-001',
    details: '{"amount":"812000.00","reason":"超出合同"}',
  },
  {
    id: 3,
    at: '2026-11-20T01:06:00.000Z',
    actorId: 'r-1',
    actor: '陈立新',
    action: 'score-record',
    subject: 'project:XM-2026-YS-01/XM2024-001',
    details: '{"item":"evidence","score":"18.5"}',
  },
  { id: 4, at: '2026-11-20T01:09:00.000Z', actorId: 'r-1', actor: '陈立新', action: 'expert-file-export', subject: 'batch:XM-2026-YS-01', details: '{"version":2}' },
];

function chain(entries: readonly AuditChainEntry[]): ChainedAuditEntry[] {
  let prevHash = AUDIT_CHAIN_GENESIS;
  return entries.map((entry) => {
    const hash = auditEntryHash(prevHash, entry);
    const chained = { ...entry, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

describe('audit chain', () => {
  it('holds for entries written in order, and names its head', () => {
    const chained = chain(ENTRIES);
    expect(verifyAuditChain(chained, sha256Hex)).toEqual({ intact: true, entries: 4, headHash: chained[3]?.hash });
    expect(verifyAuditChain([], sha256Hex)).toEqual({ intact: true, entries: 0, headHash: AUDIT_CHAIN_GENESIS });
  });

  it('hashes details by meaning: key order and spacing do not matter, a changed amount does', () => {
    const entry = ENTRIES[1] as AuditChainEntry;
    const respaced = { ...entry, details: '{ "reason": "超出合同", "amount": "812000.00" }' };
    expect(auditEntryHash(AUDIT_CHAIN_GENESIS, respaced)).toBe(auditEntryHash(AUDIT_CHAIN_GENESIS, entry));
    expect(auditEntryHash(AUDIT_CHAIN_GENESIS, { ...entry, details: '{"amount":"812000.01","reason":"超出合同"}' })).not.toBe(auditEntryHash(AUDIT_CHAIN_GENESIS, entry));
    expect(auditEntryHash(AUDIT_CHAIN_GENESIS, { ...entry, actorId: 'r-2' })).not.toBe(auditEntryHash(AUDIT_CHAIN_GENESIS, entry));
    expect(auditEntryHash('1'.repeat(64), entry)).not.toBe(auditEntryHash(AUDIT_CHAIN_GENESIS, entry));
  });

  it('names the first altered entry', () => {
    const chained = chain(ENTRIES);
    const altered = chained.map((e) => (e.id === 2 ? { ...e, details: '{"amount":"812000.00","reason":"超出合同约定"}' } : e));
    const verdict = verifyAuditChain(altered, sha256Hex);
    expect(verdict).toMatchObject({ intact: false, entries: 2, firstBroken: { id: 2, at: '2026-11-20T01:05:00.000Z', reason: 'altered' } });
    if (!verdict.intact) expect(verdict.message).toBe('操作记录第 2 条（2026-11-20T01:05:00.000Z）内容在记录后被改动，自该条起的记录不可信');
  });

  it('names the entry that no longer follows its predecessor when one was removed or slipped in (even with a correct hash of its own)', () => {
    const chained = chain(ENTRIES);
    expect(
      verifyAuditChain(
        chained.filter((e) => e.id !== 2),
        sha256Hex,
      ),
    ).toMatchObject({ intact: false, firstBroken: { id: 3, reason: 'out-of-chain' } });

    const forged: AuditChainEntry = {
      id: 3,
      at: '2026-11-20T01:05:30.000Z',
      actorId: 'r-1',
      actor: '陈立新',
      action: 'invoice-accept',
      subject: 'project:XM-2026-YS-01/XM2024-002',
      details: '{}',
    };
    const prev = chained[1]?.hash ?? '';
    const inserted = [chained[0], chained[1], { ...forged, prevHash: prev, hash: auditEntryHash(prev, forged) }, chained[2], chained[3]] as ChainedAuditEntry[];
    // The slipped-in entry itself chains on; the original entry after it (01:06) cannot.
    expect(verifyAuditChain(inserted, sha256Hex)).toMatchObject({
      intact: false,
      entries: 4,
      firstBroken: { id: 3, at: '2026-11-20T01:06:00.000Z', reason: 'out-of-chain' },
    });
  });
});

describe('audit actions', () => {
  it('gives every code one distinct Chinese label, and keeps old wording readable', () => {
    expect(AUDIT_ACTIONS.map((a) => a.id)).toEqual([...AUDIT_ACTION_IDS]);
    const labels = AUDIT_ACTIONS.map((a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[\u3400-\u9fff（）]+$/u);
    expect(auditActionLabel('expert-file-merge')).toBe('合并专家评审文件');
    expect(auditActionLabel('旧版记录的动作')).toBe('旧版记录的动作');
  });
});
