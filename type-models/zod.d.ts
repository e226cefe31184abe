// Type model of `zod`'s entry: its members, also as the `z` namespace and the default export.
export * from './zod-schema';
import * as z from './zod-schema';
export { z };
export default z;
