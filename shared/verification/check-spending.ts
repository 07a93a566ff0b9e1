import { checkExcludedSpending } from '../domain/tax-category';
import { compactText } from '../domain/text';
import type { Spending } from '../rules/rule-set-schema';
import { checkSpendingItem } from '../rules/spending';
import type { FindingFlags, FindingSink } from './findings';
import type { ProjectIndex } from './project-index';

/**
 * EXCLUDED_SPENDING: investment excludes land and buildings (Xiamen §五(一):
 * 不含土地、厂房建设投资). Three signals, strongest first:
 * - the contract's 投资类别 is excluded by the rule set (土建, 土地) → a statutory error on the
 *   contract and its invoices: no decision counts them, only a correction of the category;
 * - the tax category of 项目名称: `*不动产*`, `*土地*` or 土地使用权 → a statutory error (the text
 *   excludes land and buildings outright); `*建筑服务*`, `*租赁*` → an error a reviewer may
 *   overrule, because installation of equipment is invoiced as 建筑服务 yet may belong to the
 *   equipment (all of them warnings when the policy has no spending rules);
 * - wording in 项目名称 or the contract name (厂房, 土地使用权, 装修…) → warning.
 * CATEGORY_TO_CONFIRM: a category the rule set does not list (其他). The list is open
 * (§五(一) "设备、软件、工艺、平台、咨询、测试等费用"), so the contract counts, but each invoice only
 * after a reviewer's explicit 认定 that the spending is of that kind.
 */

/** Words that point to buildings, land or rent whatever the tax category says. */
export const EXCLUDED_WORDING: readonly string[] = ['土地使用权', '厂房', '土建', '基建', '装修', '装饰工程', '房屋', '办公楼', '宿舍', '土方', '围墙', '租金', '物业费'];

function wordingHit(text: string): string | undefined {
  const folded = compactText(text);
  return EXCLUDED_WORDING.find((word) => folded.includes(word));
}

type Verdict = { severity: 'error' | 'warning'; message: string; flags: FindingFlags; code: 'EXCLUDED_SPENDING' | 'CATEGORY_TO_CONFIRM' };

/** Tax-category rules that name land or buildings themselves, not work that may belong to equipment. */
const STATUTORY_RULES: ReadonlySet<string> = new Set(['real-estate', 'land']);

export function checkSpending(index: ProjectIndex, sink: FindingSink, spending: Spending | undefined): void {
  const contractVerdicts = new Map<string, Verdict | undefined>();
  for (const ledger of index.ledgers.values()) {
    const { contract } = ledger;
    let verdict: Verdict | undefined;
    if (spending) {
      const finding = checkSpendingItem(spending, { category: contract.category.trim() })[0];
      const source = finding?.source ?? spending.source;
      if (finding?.code === 'EXCLUDED_CATEGORY') {
        verdict = {
          code: 'EXCLUDED_SPENDING',
          severity: 'error',
          message: `合同「${contract.contractNo}」${finding.message}（${source}）`,
          flags: { statutory: source },
        };
      } else if (finding) {
        verdict = {
          code: 'CATEGORY_TO_CONFIRM',
          severity: 'warning',
          message: `合同「${contract.contractNo}」投资类别为「${contract.category.trim()}」，不在列举的${spending.eligibleCategories.join('、')}之中；认定范围为上述“等”费用（${source}），请核对合同标的确属此类投资后逐张认定，未认定的发票不计入`,
          flags: { needsConfirmation: true },
        };
      }
      if (verdict) sink.contract(contract.contractNo, verdict.code, verdict.severity, verdict.message, verdict.flags);
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

  const itemVerdicts = new Map<string, Verdict | null>();
  for (const { invoice, rowNo, ledger } of index.invoices) {
    const verdict = ledger ? contractVerdicts.get(ledger.key) : undefined;
    if (verdict) sink.invoice(rowNo, verdict.code, verdict.severity, `所属${verdict.message}`, verdict.flags);

    let item = itemVerdicts.get(invoice.itemName);
    if (item === undefined) {
      item = judgeItem(invoice.itemName, spending);
      itemVerdicts.set(invoice.itemName, item);
    }
    if (item) sink.invoice(rowNo, item.code, item.severity, item.message, item.flags);
  }
}

function judgeItem(itemName: string, spending: Spending | undefined): Verdict | null {
  const check = checkExcludedSpending(itemName);
  if (check.excluded) {
    if (spending !== undefined && STATUTORY_RULES.has(check.rule.id)) {
      return {
        code: 'EXCLUDED_SPENDING',
        severity: 'error',
        message: `${check.message.replace(/，请核对是否应计入$/u, '')}，依规不计入（${spending.source}）`,
        flags: { statutory: spending.source },
      };
    }
    return { code: 'EXCLUDED_SPENDING', severity: check.rule.where === 'category' && spending !== undefined ? 'error' : 'warning', message: check.message, flags: {} };
  }
  const word = wordingHit(itemName);
  if (word === undefined) return null;
  return {
    code: 'EXCLUDED_SPENDING',
    severity: 'warning',
    message: `项目名称「${itemName.trim()}」含有「${word}」，可能属于土地、厂房建设或租赁支出，请核对是否应计入`,
    flags: {},
  };
}
