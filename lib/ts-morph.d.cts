export { ts, Project, createWrappedNode } from 'ts-morph';
/** The TypeScript standard library declaration files (`lib.es5.d.ts`, ...) that ts-morph bundles. */
export declare function getLibFiles(): { fileName: string; text: string }[];
