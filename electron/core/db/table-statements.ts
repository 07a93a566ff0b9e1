import type Database from 'better-sqlite3';
import type { ApiOf, RecordOf, Table } from '@shared/records/table';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any declared table
type AnyTable = Table<any>;
type RecordOfTable<T extends AnyTable> = RecordOf<T['columns']>;

/**
 * Records of one table selected by a WHERE clause (with its ORDER BY). The explicit column list makes
 * a column added later invisible until it is declared; raw rows skip building an object per row.
 */
export function prepareSelect<T extends AnyTable, P extends unknown[]>(db: Database.Database, table: T, where: string) {
  const statement = db.prepare<P, unknown[]>(`SELECT ${table.selectList()} FROM ${table.name} ${where}`).raw(true);
  return {
    all: (...params: P): RecordOfTable<T>[] => statement.all(...params).map((row) => table.fromDb(row) as RecordOfTable<T>),
    /** Straight to the API shape (money as yuan strings). */
    api: (...params: P): ApiOf<T['columns']>[] => statement.all(...params).map((row) => table.apiFromDb(row) as ApiOf<T['columns']>),
    get(...params: P): RecordOfTable<T> | undefined {
      const row = statement.get(...params);
      return row === undefined ? undefined : (table.fromDb(row) as RecordOfTable<T>);
    },
  };
}

/** INSERT (or upsert) of one record with its scope columns, by named parameters. */
export function prepareInsert<T extends AnyTable>(db: Database.Database, table: T, options?: { conflict?: readonly string[]; ignore?: boolean; returning?: string }) {
  const statement = db.prepare(table.insertSql(options));
  const params = (scope: Record<string, unknown>, record: RecordOfTable<T>) => ({ ...scope, ...table.toDb(record) });
  return {
    run: (scope: Record<string, unknown>, record: RecordOfTable<T>) => statement.run(params(scope, record)),
    get: <R>(scope: Record<string, unknown>, record: RecordOfTable<T>) => statement.get(params(scope, record)) as R,
  };
}

/** DELETE of the rows of one table a WHERE clause names (its scope columns or fields by column name). */
export function prepareDelete<P extends unknown[]>(db: Database.Database, table: AnyTable, where: string) {
  const statement = db.prepare<P>(`DELETE FROM ${table.name} ${where}`);
  return { run: (...params: P) => statement.run(...params).changes };
}
