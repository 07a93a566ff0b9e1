import { formatAmountInWords, NEGATIVE_PREFIX, parseAmountInWords } from '../domain/amount-in-words';
import { Dec } from '../domain/decimal';
import { removeSpaces } from '../domain/text';
import type { FindingSink } from './findings';
import { money, yuan, type ProjectIndex } from './project-index';

/**
 * AMOUNT_IN_WORDS_MISMATCH, DOMAIN.md §4: several spellings of one amount are
 * legal, so the words are parsed and compared as numbers. The column is
 * optional: empty words give no finding; words that cannot be read give a
 * warning saying so. Words and figures equal but for the sign mean the
 * 「（负数）」 mark of a red invoice was added or lost — a warning.
 */
const CANONICAL = /^-?\d+\.\d{2}$/u;

export function checkAmountInWords(index: ProjectIndex, sink: FindingSink): void {
  for (const { invoice, rowNo, total } of index.invoices) {
    const words = invoice.totalInWords;
    const compact = removeSpaces(words);
    if (compact === '') continue;
    // Fast path: the words are exactly what invoicing software prints for the total.
    if (total !== undefined && total.decimalPlaces() <= 2) {
      const figures = CANONICAL.test(invoice.total) ? invoice.total : money(total);
      if (formatAmountInWords(figures) === compact) continue;
    }
    const parsed = parseAmountInWords(words);
    if (!parsed.ok) {
      sink.invoice(rowNo, 'AMOUNT_IN_WORDS_MISMATCH', 'warning', `${parsed.message}，无法与价税合计核对`);
      continue;
    }
    if (total === undefined) continue;
    const value = new Dec(parsed.value);
    if (value.eq(total)) continue;
    if (value.abs().eq(total.abs())) {
      const why = total.isNegative()
        ? `价税合计 ${yuan(total)} 为负数（红字发票），大写金额应以「${NEGATIVE_PREFIX}」开头`
        : `价税合计 ${yuan(total)} 为正数，大写金额却标注为负数`;
      sink.invoice(rowNo, 'AMOUNT_IN_WORDS_MISMATCH', 'warning', `价税合计（大写）「${words.trim()}」读作 ${yuan(value)}，${why}`);
      continue;
    }
    sink.invoice(rowNo, 'AMOUNT_IN_WORDS_MISMATCH', 'error', `价税合计（大写）「${words.trim()}」读作 ${yuan(value)}，与价税合计（小写）${yuan(total)} 不符`);
  }
}
