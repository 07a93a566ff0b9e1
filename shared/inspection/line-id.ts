import type { Sha256Hex } from '../audit/audit-chain';
import { normalizeContractNo, normalizeName } from '../verification/names';

/**
 * The stable id of an equipment line: a hash of the contract number and the line's own name and model,
 * each folded as the checks compare them. A re-import of the same package (or a later version with
 * more invoices for the same equipment) yields the same id, so the observations stay attached; the
 * hash keeps ids short and free of the package's text (the 操作记录 never shows such hex ids to a
 * reviewer). 16 hex digits: collisions among a project's few hundred lines are out of reach.
 */
export function equipmentLineId(sha256: Sha256Hex, contractNo: string, name: string, model: string | null): string {
  return sha256(['line', normalizeContractNo(contractNo), normalizeName(name), normalizeName(model ?? '')].join('\u0000')).slice(0, 16);
}

/** The stable id of an indicator (绩效指标): its category and name, folded. */
export function indicatorId(sha256: Sha256Hex, category: string, name: string): string {
  return sha256(['indicator', normalizeName(category), normalizeName(name)].join('\u0000')).slice(0, 16);
}
