import type { ts } from '#ts-morph';
import type { ImportBindings } from './imports.js';

/** Per-file state the ORM shape readers share. */
export interface ShapeContext {
  imports: ImportBindings;
  checker: ts.TypeChecker;
  /** Nested schemas (`address: z.object(...)`, sub-schemas) already reported through their parent. */
  handled: Set<ts.Node>;
  /** Mongoose schema variable → model name, from `model('User', userSchema)` at top level. */
  schemaModels(): Map<string, string>;
}
