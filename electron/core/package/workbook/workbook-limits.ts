const MIB = 1024 * 1024;

/**
 * Limits for reading one 申报表.xlsx. The workbook is itself a zip inside the package, and its sheets
 * are loaded whole into memory, so these bound what a workbook can cost before any cell is read.
 * They are sized with room above the largest real application (a few tens of thousands of invoice
 * rows, some twenty columns) and documented in the README (材料包限制).
 */
export const WORKBOOK_LIMITS = Object.freeze({
  /** Entries in the workbook's zip. */
  maxEntries: 10_000,
  /** Inflated bytes of one part the reader uses (a sheet, the shared strings). */
  maxPartBytes: 200 * MIB,
  /** Inflated bytes of all parts the reader uses together. */
  maxTotalBytes: 300 * MIB,
  /** Inflated ÷ compressed size of a part the reader uses, judged above 1 MiB. */
  maxCompressionRatio: 200,
  /** Rows of one sheet, by Excel row number and by rows present. */
  maxRows: 200_000,
  /** Columns of one sheet: a cell with content right of this column is refused. */
  maxColumns: 64,
});

export type WorkbookLimits = typeof WORKBOOK_LIMITS;
