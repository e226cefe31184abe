// Type model of drizzle's dialect modules (`drizzle-orm/pg-core`, `mysql-core`, `sqlite-core`,
// `singlestore-core`, `gel-core`): table and column builders, so that the rows of a table declared in
// the project have the table's columns as fields.
import type { Column, Table } from './drizzle-orm';

type Columns = { [key: string]: any };
type TableFactory = <C extends Columns>(name: string, columns: C | ((helpers: any) => C), ...rest: any[]) => Table<C>;

export declare const pgTable: TableFactory;
export declare const mysqlTable: TableFactory;
export declare const sqliteTable: TableFactory;
export declare const singlestoreTable: TableFactory;
export declare const gelTable: TableFactory;
export declare function pgTableCreator(...args: any[]): TableFactory;
export declare function mysqlTableCreator(...args: any[]): TableFactory;
export declare function sqliteTableCreator(...args: any[]): TableFactory;
export declare function pgSchema(...args: any[]): { table: TableFactory; [member: string]: any };
export declare function mysqlSchema(...args: any[]): { table: TableFactory; [member: string]: any };

type TextColumn = (...args: any[]) => Column<string>;
type NumberColumn = (...args: any[]) => Column<number>;
type BooleanColumn = (...args: any[]) => Column<boolean>;
type DateColumn = (...args: any[]) => Column<Date>;
type JsonColumn = <T = unknown>(...args: any[]) => Column<T>;
type AnyColumn = (...args: any[]) => Column<any>;

export declare const text: TextColumn;
export declare const varchar: TextColumn;
export declare const char: TextColumn;
export declare const uuid: TextColumn;
export declare const citext: TextColumn;
export declare const inet: TextColumn;
export declare const cidr: TextColumn;
export declare const macaddr: TextColumn;
export declare const tinytext: TextColumn;
export declare const mediumtext: TextColumn;
export declare const longtext: TextColumn;
export declare const integer: NumberColumn;
export declare const int: NumberColumn;
export declare const smallint: NumberColumn;
export declare const tinyint: NumberColumn;
export declare const mediumint: NumberColumn;
export declare const bigint: AnyColumn;
export declare const serial: NumberColumn;
export declare const smallserial: NumberColumn;
export declare const bigserial: AnyColumn;
export declare const real: NumberColumn;
export declare const doublePrecision: NumberColumn;
export declare const double: NumberColumn;
export declare const float: NumberColumn;
export declare const numeric: AnyColumn;
export declare const decimal: AnyColumn;
export declare const boolean: BooleanColumn;
export declare const timestamp: DateColumn;
export declare const datetime: DateColumn;
export declare const date: DateColumn;
export declare const time: TextColumn;
export declare const interval: TextColumn;
export declare const json: JsonColumn;
export declare const jsonb: JsonColumn;
export declare const blob: AnyColumn;
export declare const binary: AnyColumn;
export declare const varbinary: AnyColumn;
export declare const bytea: AnyColumn;
export declare const pgEnum: (...args: any[]) => (...args: any[]) => Column<string>;
export declare const mysqlEnum: (...args: any[]) => Column<string>;
export declare const customType: (...args: any[]) => AnyColumn;
export declare const vector: AnyColumn;
export declare const point: AnyColumn;
export declare const geometry: AnyColumn;
