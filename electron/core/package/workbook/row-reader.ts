import { parseDate } from '@shared/domain/dates';
import type { Result } from '@shared/domain/result';
import { moneyToFen } from '@shared/domain/fen';
import { parseMoney } from '@shared/domain/money';
import type { MatchedColumn } from '@shared/domain/header-match';
import type { PackageProblem } from '@shared/package/problem';
import { cellText, columnLetter, isEmptyCell, type PlainCell } from './normalize-cell';
import type { SheetRow, SheetTable } from './sheet-table';

/**
 * Reads typed values from one data row, reporting every unreadable or missing value at its cell
 * (`发票!F12`). Returns null for a failed value so the caller can go on and report all problems.
 */
export class RowReader {
  readonly rowNumber: number;
  private failed = false;

  constructor(
    private readonly table: SheetTable,
    private readonly row: SheetRow,
    private readonly file: string,
    private readonly problems: PackageProblem[],
    private readonly date1904: boolean,
  ) {
    this.rowNumber = row.rowNumber;
  }

  /** True once any value of this row could not be read. */
  get hasErrors(): boolean {
    return this.failed;
  }

  raw(column: string): PlainCell {
    const spec = this.table.columns.get(column);
    return spec ? (this.row.cells[spec.index] ?? null) : null;
  }

  text(column: string, required = false): string {
    const value = cellText(this.raw(column));
    if (required && value === '') this.missing(column);
    return value;
  }

  /** Money in fen, honouring a 万元 unit written in the header. */
  amountFen(column: string, options: { required?: boolean; allowNegative?: boolean } = {}): number | null {
    const cell = this.raw(column);
    if (isEmptyCell(cell)) {
      if (options.required) this.missing(column);
      return null;
    }
    const unit = this.table.columns.get(column)?.unit ?? 'yuan';
    const parsed = parseMoney(cell, { unit, allowNegative: options.allowNegative ?? false, label: column });
    return this.take(column, parsed, moneyToFen);
  }

  date(column: string, required = false): string | null {
    const cell = this.raw(column);
    if (isEmptyCell(cell)) {
      if (required) this.missing(column);
      return null;
    }
    return this.take(column, parseDate(cell, { label: column, date1904: this.date1904 }), (d) => d);
  }

  /** A value checked by a domain parser (enum, rate, yes/no); failures are located at the cell. */
  parsed<T>(column: string, parse: (cell: PlainCell, label: string) => Result<T>, required = false): T | null {
    const cell = this.raw(column);
    if (isEmptyCell(cell)) {
      if (required) this.missing(column);
      return null;
    }
    return this.take(column, parse(cell, column), (v) => v);
  }

  /** `a.pdf; b.xml` → names; both half- and full-width semicolons separate. */
  attachments(column = '附件'): string[] {
    return this.text(column)
      .split(/[;；]/)
      .map((name) => name.trim())
      .filter((name) => name !== '');
  }

  extra(): Record<string, string> {
    const extra: Record<string, string> = {};
    for (const column of this.table.extraColumns) {
      const value = cellText(this.row.cells[column.index] ?? null);
      if (value !== '') extra[column.name] = value;
    }
    return extra;
  }

  error(column: string | undefined, message: string): void {
    this.failed = true;
    this.problems.push({ severity: 'error', ...this.where(column), message });
  }

  warning(column: string | undefined, message: string): void {
    this.problems.push({ severity: 'warning', ...this.where(column), message });
  }

  private take<T, U>(column: string, result: Result<T>, convert: (value: T) => U): U | null {
    if (result.ok) return convert(result.value);
    this.error(column, result.message);
    return null;
  }

  private missing(column: string): void {
    this.error(column, `「${column}」为空，此项必须填写`);
  }

  private where(column: string | undefined): Pick<PackageProblem, 'file' | 'sheet' | 'row' | 'column'> {
    const spec: MatchedColumn | undefined = column === undefined ? undefined : this.table.columns.get(column);
    return {
      file: this.file,
      sheet: this.table.sheet,
      row: this.row.rowNumber,
      ...(spec ? { column: columnLetter(spec.index + 1) } : {}),
    };
  }
}
