import { z } from 'zod';
import { yuanString } from '../api/money-schema';
import type { EnumOption } from '../domain/enums';
import { fenToMoney } from '../domain/fen';

/*
 * One declaration per stored record: each field names its database column, its zod type and how it
 * is kept at rest. The record type, the API schema, the column lists of INSERT/SELECT and both
 * directions of the row mapping are derived from it, so a new column is one edit here plus a migration.
 *
 * Why a small helper of our own rather than drizzle-orm or Kysely: drizzle's `sqliteTable` does the
 * same declaration (integer `mode: 'boolean'`, text `mode: 'json'`, `customType` for fen, and
 * drizzle-zod for schemas) but is a new runtime dependency with its own query builder, and its
 * zod schemas describe the row at rest — we need a third shape, the API one, where fen become
 * decimal yuan strings. Kysely types queries but declares no mapping or schema at all. What the
 * core needs is narrow (insert one record, select records of one scope, map and validate), so about
 * a hundred lines here are smaller and clearer than either, and the SQL stays plain and visible.
 */

/** A field: its column, its value in a record, in the API, and at rest. */
export interface Column<Rec, Api> {
  readonly db: string;
  readonly record: z.ZodType<Rec>;
  readonly api: z.ZodType<Api>;
  toDb(value: Rec): unknown;
  fromDb(value: unknown): Rec;
  toApi(value: Rec): Api;
  /** The same column allowing NULL. */
  nullable(): Column<Rec | null, Api | null>;
}

/** A column with its own conversions (e.g. scores kept as integer half points). */
export function column<Rec, Api>(
  db: string,
  record: z.ZodType<Rec>,
  api: z.ZodType<Api>,
  toDb: (value: Rec) => unknown,
  fromDb: (value: unknown) => Rec,
  toApi: (value: Rec) => Api,
): Column<Rec, Api> {
  return {
    db,
    record,
    api,
    toDb,
    fromDb,
    toApi,
    nullable: () =>
      column<Rec | null, Api | null>(
        db,
        record.nullable(),
        api.nullable(),
        (v) => (v === null ? null : toDb(v)),
        (v) => (v === null ? null : fromDb(v)),
        (v) => (v === null ? null : toApi(v)),
      ),
  };
}

const same = <T>(value: T) => value;

/** A value kept as it is (text, integer, an enum id). */
export const plain = <T>(db: string, schema: z.ZodType<T>) => column(db, schema, schema, same, (v) => v as T, same);
export const text = (db: string) => plain(db, z.string());
export const int = (db: string) => plain(db, z.number().int());
/** A code column holding the ids of one of the closed lists in shared/domain/enums.ts. */
export const code = <Id extends string>(db: string, options: readonly EnumOption<Id>[]) => plain(db, enumSchema(options));
/** Money: integer fen at rest and in records (exact SQL sums), a yuan decimal string in the API. */
export const fen = (db: string) => column(db, z.number().int(), yuanString, same, (v) => v as number, fenToMoney);
/** Yes/no kept as 0/1. */
export const bool = (db: string) =>
  column(
    db,
    z.boolean(),
    z.boolean(),
    (v) => (v ? 1 : 0),
    (v) => v === 1,
    same,
  );
/** File names of a 附件 cell, kept `;`-joined. */
export const names = (db: string) =>
  column(
    db,
    z.array(z.string()),
    z.array(z.string()),
    (v) => v.join(';'),
    (v) => (v === '' ? [] : String(v).split(';')),
    same,
  );
/** Workbook columns the format does not interpret, kept as a JSON object. */
export const extra = (db: string) => {
  const schema = z.record(z.string(), z.string());
  return column(
    db,
    schema,
    schema,
    (v) => JSON.stringify(v),
    (v) => JSON.parse(String(v)) as Record<string, string>,
    same,
  );
};

export function enumSchema<Id extends string>(options: readonly EnumOption<Id>[]) {
  return z.enum(options.map((o) => o.id) as [Id, ...Id[]]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any column, whatever its value types
type Columns = Record<string, Column<any, any>>;
export type RecordOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer R, infer _A> ? R : never };
export type ApiOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer _R, infer A> ? A : never };

export interface Table<C extends Columns> {
  readonly name: string;
  readonly columns: C;
  /** Columns that place a row (e.g. `project_pk`) without being part of the record. */
  readonly scope: readonly string[];
  readonly recordSchema: z.ZodObject<{ [K in keyof C]: z.ZodType<RecordOf<C>[K]> }>;
  readonly apiSchema: z.ZodObject<{ [K in keyof C]: z.ZodType<ApiOf<C>[K]> }>;
  /** `a.col1, a.col2, …` in declaration order, the order `fromDb` reads. */
  selectList(alias?: string): string;
  /** INSERT with named parameters: scope columns by column name, fields by field name. */
  /** `ignore`: keep the stored row on conflict (e.g. content-addressed rows) instead of updating it. */
  insertSql(options?: { conflict?: readonly string[]; ignore?: boolean; returning?: string }): string;
  toDb(record: RecordOf<C>): Record<string, unknown>;
  /** A raw row (values in `selectList` order, from `offset`) back into a record. */
  fromDb(row: readonly unknown[], offset?: number): RecordOf<C>;
  toApi(record: RecordOf<C>): ApiOf<C>;
  /** `toApi(fromDb(row))` in one pass, for long row lists. */
  apiFromDb(row: readonly unknown[], offset?: number): ApiOf<C>;
  /** The same table without some fields: a narrower SELECT and API shape (e.g. without `extra`). */
  omit<K extends keyof C & string>(...keys: K[]): Table<Omit<C, K>>;
}

export function defineTable<C extends Columns>(name: string, scope: readonly string[], columns: C): Table<C> {
  const keys = Object.keys(columns) as (keyof C & string)[];
  const entries = keys.map((key) => [key, columns[key] as C[keyof C]] as const);
  const mapObject = <V>(f: (c: C[keyof C], key: string) => V) => Object.fromEntries(entries.map(([key, c]) => [key, f(c, key)]));
  return {
    name,
    columns,
    scope,
    recordSchema: z.object(mapObject((c) => c.record)) as Table<C>['recordSchema'],
    apiSchema: z.object(mapObject((c) => c.api)) as Table<C>['apiSchema'],
    selectList: (alias) => entries.map(([, c]) => (alias ? `${alias}.${c.db}` : c.db)).join(', '),
    insertSql({ conflict, ignore, returning } = {}) {
      const names = [...scope, ...entries.map(([, c]) => c.db)];
      const params = [...scope.map((s) => `@${s}`), ...keys.map((k) => `@${k}`)];
      let sql = `INSERT INTO ${name} (${names.join(', ')}) VALUES (${params.join(', ')})`;
      if (conflict && ignore) sql += ` ON CONFLICT (${conflict.join(', ')}) DO NOTHING`;
      else if (conflict) {
        const updates = names.filter((n) => !conflict.includes(n)).map((n) => `${n} = excluded.${n}`);
        sql += ` ON CONFLICT (${conflict.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
      }
      return returning ? `${sql} RETURNING ${returning}` : sql;
    },
    toDb: (record) => mapObject((c, key) => c.toDb(record[key])),
    fromDb(row, offset = 0) {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i++) {
        const [key, c] = entries[i] as (typeof entries)[number];
        record[key] = c.fromDb(row[offset + i]);
      }
      return record as RecordOf<C>;
    },
    apiFromDb(row, offset = 0) {
      const dto: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i++) {
        const [key, c] = entries[i] as (typeof entries)[number];
        dto[key] = c.toApi(c.fromDb(row[offset + i]));
      }
      return dto as ApiOf<C>;
    },
    toApi: (record) => mapObject((c, key) => c.toApi(record[key])) as ApiOf<C>,
    omit: (...omitted) =>
      defineTable(name, scope, Object.fromEntries(entries.filter(([key]) => !(omitted as string[]).includes(key))) as Omit<C, (typeof omitted)[number]>),
  };
}
