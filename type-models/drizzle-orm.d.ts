// Type model of `drizzle-orm`'s schema types: what a table's rows hold (`InferSelectModel`,
// `typeof table.$inferSelect`), computed by the checker from the table's column object, without the
// package installed.

export interface Column<Data = any> {
  readonly _data: Data;
  notNull(): Column<Data>;
  primaryKey(...args: any[]): Column<Data>;
  unique(...args: any[]): Column<Data>;
  default(value: any): Column<Data>;
  defaultNow(): Column<Data>;
  defaultRandom(): Column<Data>;
  $defaultFn(fn: () => any): Column<Data>;
  $onUpdate(fn: () => any): Column<Data>;
  $onUpdateFn(fn: () => any): Column<Data>;
  $type<T>(): Column<T>;
  references(...args: any[]): Column<Data>;
  array(...args: any[]): Column<Data[]>;
  generatedAlwaysAsIdentity(...args: any[]): Column<Data>;
  [method: string]: any;
}

type Columns = { [key: string]: any };
type DataOf<C> = C extends Column<infer D> ? D : any;
export type RowOf<C extends Columns> = { [K in keyof C]: DataOf<C[K]> };

export type Table<C extends Columns = Columns> = { [K in keyof C]: Column<DataOf<C[K]>> } & {
  readonly $inferSelect: RowOf<C>;
  readonly $inferInsert: RowOf<C>;
  readonly _: { readonly columns: C; readonly name: string };
};

export type InferSelectModel<T> = T extends { readonly $inferSelect: infer R } ? R : any;
export type InferInsertModel<T> = T extends { readonly $inferInsert: infer R } ? R : any;
export type InferModel<T> = InferSelectModel<T>;
