import { checkExcludedSpending } from '../domain/tax-category';
import { compactText } from '../domain/text';
import type { Spending } from '../rules/rule-set-schema';
import { checkSpendingItem } from '../rules/spending';
import type { FindingSink } from './findings';
import type { ProjectIndex } from './project-index';

/**
 * EXCLUDED_SPENDING: investment excludes land and buildings (Xiamen §五(一):
 * 不含土地、厂房建设投资). Three signals, strongest first:
 * - the contract's 投资类别 is excluded by the rule set (土建, 土地) → error on the
 *   contract and its invoices; a category the rule set does not list (其他) → warning;
 * - the tax category of 项目名称 (`*建筑服务*`, `*不动产*`, `*租赁*`, `*土地*`) → error
 *   (warning when the policy has no spending rules: then nothing is excluded by rule);
 * - wording in 项目名称 or the contract name (厂房, 土地使用权, 装修…) → warning.
 * Installation of equipment is invoiced as 建筑服务 yet may belong to the equipment,
 * which is why every message asks the reviewer to judge.
 */

/** Words that point to buildings, land or rent whatever the tax category says. */
export const EXCLUDED_WORDING: readonly string[] = ['土地使用权', '厂房', '土建', '基建', '装修', '装饰工程', '房屋', '办公楼', '宿舍', '土方', '围墙', '租金', '物业费'];

function wordingHit(text: string): string | undefined {
  const folded = compactText(text);
  return EXCLUDED_WORDING.find((word) => folded.includes(word));
}

export function checkSpending(index: ProjectIndex, sink: FindingSink, spending: Spending | undefined): void {
  const contractVerdicts = new Map<string, { severity: 'error' | 'warning'; message: string } | undefined>();
  for (const ledger of index.ledgers.values()) {
    const { contract } = ledger;
    let verdict: { severity: 'error' | 'warning'; message: string } | undefined;
    if (spending) {
      const finding = checkSpendingItem(spending, { category: contract.category.trim() })[0];
      if (finding) {
        verdict = {
          severity: finding.code === 'EXCLUDED_CATEGORY' ? 'error' : 'warning',
          message: `合同「${contract.contractNo}」${finding.message}（${finding.source ?? spending.source}）`,
        };
        sink.contract(contract.contractNo, 'EXCLUDED_SPENDING', verdict.severity, verdict.message);
      }
    }
    contractVerdicts.set(ledger.key, verdict);
    const word = wordingHit(contract.name);
    if (word !== undefined) {
      sink.contract(
        contract.contractNo,
        'EXCLUDED_SPENDING',
        'warning',
        `合同名称「${contract.name.trim()}」含有「${word}」，可能属于土地、厂房建设或租赁支出，请核对是否应计入`,
      );
    }
  }

  const itemVerdicts = new Map<string, { severity: 'error' | 'warning'; message: string } | null>();
  for (const { invoice, rowNo, ledger } of index.invoices) {
    const verdict = ledger ? contractVerdicts.get(ledger.key) : undefined;
    if (verdict) sink.invoice(rowNo, 'EXCLUDED_SPENDING', verdict.severity, `所属${verdict.message}`);

    let item = itemVerdicts.get(invoice.itemName);
    if (item === undefined) {
      item = judgeItem(invoice.itemName, spending);
      itemVerdicts.set(invoice.itemName, item);
    }
    if (item) sink.invoice(rowNo, 'EXCLUDED_SPENDING', item.severity, item.message);
  }
}

function judgeItem(itemName: string, spending: Spending | undefined): { severity: 'error' | 'warning'; message: string } | null {
  const check = checkExcludedSpending(itemName);
  if (check.excluded) {
    const byCategory = check.rule.where === 'category';
    return { severity: byCategory && spending !== undefined ? 'error' : 'warning', message: check.message };
  }
  const word = wordingHit(itemName);
  if (word === undefined) return null;
  return {
    severity: 'warning',
    message: `项目名称「${itemName.trim()}」含有「${word}」，可能属于土地、厂房建设或租赁支出，请核对是否应计入`,
  };
}
