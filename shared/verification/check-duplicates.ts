import type { FindingSink } from './findings';
import type { ProjectIndex } from './project-index';
import type { DuplicateLookup } from './types';

/**
 * DUPLICATE_INVOICE: one invoice claimed twice (重复申报), DOMAIN.md §1. Inside a
 * project the first row is kept as a warning and every later row is an error,
 * so the suggestion keeps one copy; a key also claimed in another project or
 * batch is an error on every row, because only a person can tell which claim holds.
 */
export function checkDuplicates(index: ProjectIndex, sink: FindingSink, elsewhere: DuplicateLookup): void {
  for (const [key, rows] of index.byKey) {
    if (rows.length > 1) {
      const first = rows[0];
      const head = rows.slice(0, 6);
      for (const row of rows) {
        // At most five rows are named, so a key repeated thousands of times stays linear.
        const named = head.filter((r) => r !== row).slice(0, 5);
        const others = named.map((r) => `第 ${r.rowNo} 行`).join('、') + (rows.length - 1 > 5 ? `等 ${rows.length - 1} 行` : '');
        if (row === first) {
          sink.invoice(row.rowNo, 'DUPLICATE_INVOICE', 'warning', `发票「${key}」在本项目${others}重复出现（本行为首次出现，重复行不应计入）`);
        } else {
          sink.invoice(row.rowNo, 'DUPLICATE_INVOICE', 'error', `发票「${key}」与本项目${others}重复，同一张发票只能计入一次`);
        }
      }
    }
    const { batchId, projectId } = index.project;
    const found = elsewhere(key).filter((loc) => !(loc.batchId === batchId && loc.projectId === projectId));
    if (found.length === 0) continue;
    const where = found
      .slice(0, 5)
      .map((loc) => `批次「${loc.batchId}」项目「${loc.projectId}」第 ${loc.rowNo} 行`)
      .join('、');
    const more = found.length > 5 ? `等 ${found.length} 处` : '';
    for (const row of rows) {
      sink.invoice(row.rowNo, 'DUPLICATE_INVOICE', 'error', `发票「${key}」已在${where}${more}申报，疑似重复申报，请核实归属`);
    }
  }
}
