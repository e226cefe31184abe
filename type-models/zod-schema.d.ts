// Type model of `zod` (v3 and v4), the members of its `z` namespace: enough of its types for the checker to compute what `z.infer`
// and friends hold, field by field, without the package installed. Methods not listed here keep the
// schema's fields and answer `any`.

export interface ZodType<Out = any> {
  readonly _output: Out;
  optional(): ZodType<Out | undefined>;
  nullable(): ZodType<Out | null>;
  nullish(): ZodType<Out | null | undefined>;
  array(): ZodType<Out[]>;
  default(value: any): ZodType<Out>;
  catch(value: any): ZodType<Out>;
  readonly(): ZodType<Out>;
  brand(...args: any[]): ZodType<Out>;
  describe(description: string): ZodType<Out>;
  refine(...args: any[]): ZodType<Out>;
  superRefine(...args: any[]): ZodType<Out>;
  transform<N>(fn: (value: Out, ...rest: any[]) => N): ZodType<Awaited<N>>;
  pipe<T extends ZodType>(next: T): T;
  or<T extends ZodType>(other: T): ZodType<Out | OutputOf<T>>;
  and<T extends ZodType>(other: T): ZodType<Out & OutputOf<T>>;
  parse(data: unknown, ...rest: any[]): Out;
  parseAsync(data: unknown, ...rest: any[]): Promise<Out>;
  safeParse(data: unknown, ...rest: any[]): { success: boolean; data?: Out; error?: any };
  email(...args: any[]): ZodType<Out>;
  url(...args: any[]): ZodType<Out>;
  uuid(...args: any[]): ZodType<Out>;
  cuid(...args: any[]): ZodType<Out>;
  cuid2(...args: any[]): ZodType<Out>;
  ulid(...args: any[]): ZodType<Out>;
  emoji(...args: any[]): ZodType<Out>;
  ip(...args: any[]): ZodType<Out>;
  cidr(...args: any[]): ZodType<Out>;
  datetime(...args: any[]): ZodType<Out>;
  date(...args: any[]): ZodType<Out>;
  time(...args: any[]): ZodType<Out>;
  duration(...args: any[]): ZodType<Out>;
  base64(...args: any[]): ZodType<Out>;
  jwt(...args: any[]): ZodType<Out>;
  min(...args: any[]): ZodType<Out>;
  max(...args: any[]): ZodType<Out>;
  length(...args: any[]): ZodType<Out>;
  nonempty(...args: any[]): ZodType<Out>;
  trim(...args: any[]): ZodType<Out>;
  toLowerCase(...args: any[]): ZodType<Out>;
  toUpperCase(...args: any[]): ZodType<Out>;
  regex(...args: any[]): ZodType<Out>;
  includes(...args: any[]): ZodType<Out>;
  startsWith(...args: any[]): ZodType<Out>;
  endsWith(...args: any[]): ZodType<Out>;
  int(...args: any[]): ZodType<Out>;
  positive(...args: any[]): ZodType<Out>;
  negative(...args: any[]): ZodType<Out>;
  nonnegative(...args: any[]): ZodType<Out>;
  nonpositive(...args: any[]): ZodType<Out>;
  multipleOf(...args: any[]): ZodType<Out>;
  finite(...args: any[]): ZodType<Out>;
  safe(...args: any[]): ZodType<Out>;
  gt(...args: any[]): ZodType<Out>;
  gte(...args: any[]): ZodType<Out>;
  lt(...args: any[]): ZodType<Out>;
  lte(...args: any[]): ZodType<Out>;
  step(...args: any[]): ZodType<Out>;
  meta(...args: any[]): ZodType<Out>;
  openapi(...args: any[]): ZodType<Out>;
  [method: string]: any;
}

type Shape = { [key: string]: any };
type OutputOf<S> = S extends ZodType<infer O> ? O : any;
type ObjectOutput<S extends Shape> = { [K in keyof S]: OutputOf<S[K]> };

export interface ZodObject<S extends Shape = Shape> extends ZodType<ObjectOutput<S>> {
  readonly shape: S;
  extend<E extends Shape>(extension: E): ZodObject<Omit<S, keyof E> & E>;
  merge<O extends Shape>(other: ZodObject<O>): ZodObject<Omit<S, keyof O> & O>;
  pick<M extends { [K in keyof S]?: any }>(mask: M): ZodObject<Pick<S, Extract<keyof M, keyof S>>>;
  omit<M extends { [K in keyof S]?: any }>(mask: M): ZodObject<Omit<S, keyof M>>;
  partial(...args: any[]): ZodObject<S>;
  required(...args: any[]): ZodObject<S>;
  strict(...args: any[]): ZodObject<S>;
  strip(...args: any[]): ZodObject<S>;
  passthrough(...args: any[]): ZodObject<S>;
  catchall(...args: any[]): ZodObject<S>;
}

export type TypeOf<T> = OutputOf<T>;
export type input<T> = OutputOf<T>;
export type output<T> = OutputOf<T>;
export type Infer<T> = OutputOf<T>;
export type { TypeOf as infer };
export type ZodTypeAny = ZodType;
export type ZodSchema<T = any> = ZodType<T>;
export type ZodRawShape = Shape;

export declare function object<S extends Shape>(shape: S, ...rest: any[]): ZodObject<S>;
export declare function strictObject<S extends Shape>(shape: S, ...rest: any[]): ZodObject<S>;
export declare function looseObject<S extends Shape>(shape: S, ...rest: any[]): ZodObject<S>;
export declare function array<T extends ZodType>(item: T, ...rest: any[]): ZodType<OutputOf<T>[]>;
export declare function optional<T extends ZodType>(inner: T): ZodType<OutputOf<T> | undefined>;
export declare function nullable<T extends ZodType>(inner: T): ZodType<OutputOf<T> | null>;
export declare function union<T extends readonly ZodType[]>(options: T, ...rest: any[]): ZodType<OutputOf<T[number]>>;
export declare function discriminatedUnion<T extends readonly ZodType[]>(key: string, options: T, ...rest: any[]): ZodType<OutputOf<T[number]>>;
export declare function intersection<A extends ZodType, B extends ZodType>(a: A, b: B): ZodType<OutputOf<A> & OutputOf<B>>;
export declare function lazy<T extends ZodType>(getter: () => T): T;
export declare function record(...args: any[]): ZodType<{ [key: string]: any }>;
export declare function string(...args: any[]): ZodType<string>;
export declare function email(...args: any[]): ZodType<string>;
export declare function url(...args: any[]): ZodType<string>;
export declare function uuid(...args: any[]): ZodType<string>;
export declare function cuid(...args: any[]): ZodType<string>;
export declare function cuid2(...args: any[]): ZodType<string>;
export declare function number(...args: any[]): ZodType<number>;
export declare function bigint(...args: any[]): ZodType<bigint>;
export declare function boolean(...args: any[]): ZodType<boolean>;
export declare function date(...args: any[]): ZodType<Date>;
export declare function literal<T>(value: T, ...rest: any[]): ZodType<T>;
export declare function enum_<T extends readonly string[]>(values: T, ...rest: any[]): ZodType<T[number]>;
export { enum_ as enum };
export declare function nativeEnum<T>(values: T, ...rest: any[]): ZodType<T[keyof T]>;
export declare function any(): ZodType<any>;
export declare function unknown(): ZodType<unknown>;
export declare function never(): ZodType<never>;
export declare function custom<T = any>(...args: any[]): ZodType<T>;
export declare function instanceof_<T extends abstract new (...args: any) => any>(cls: T, ...rest: any[]): ZodType<InstanceType<T>>;
export { instanceof_ as instanceof };
export declare function preprocess<T extends ZodType>(fn: (value: unknown) => unknown, schema: T): T;
export declare const coerce: { string(...args: any[]): ZodType<string>; number(...args: any[]): ZodType<number>; boolean(...args: any[]): ZodType<boolean>; date(...args: any[]): ZodType<Date>; bigint(...args: any[]): ZodType<bigint> };

