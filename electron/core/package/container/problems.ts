import type { PackageProblem } from '@shared/package/problem';

/** A problem with the container itself (an entry or the archive), located by the entry's name. */
export function packageError(file: string, message: string, column?: string): PackageProblem {
  return column === undefined ? { severity: 'error', file, message } : { severity: 'error', file, column, message };
}

export function packageWarning(file: string, message: string, column?: string): PackageProblem {
  return column === undefined ? { severity: 'warning', file, message } : { severity: 'warning', file, column, message };
}

/** Problems a step found: errors reject the package, warnings travel with it. */
export class ProblemList {
  readonly errors: PackageProblem[] = [];
  readonly warnings: PackageProblem[] = [];

  error(file: string, message: string, column?: string): void {
    this.errors.push(packageError(file, message, column));
  }

  warning(file: string, message: string, column?: string): void {
    this.warnings.push(packageWarning(file, message, column));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}
