// `tsc --noEmit` with the TypeScript that ts-morph bundles (6.x), on the tsconfig of a directory.
// ts-morph ships its lib .d.ts files inside its JavaScript, so they are written to a temp folder once
// and the compiler host points there. Prints wall time, diagnostics and peak RSS as JSON.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { getLibFiles } from '@ts-morph/common';

const dir = path.resolve(process.argv[2] ?? '.');
const libDir = path.join(os.tmpdir(), `privacy-review-tslib-${ts.version}`);
if (!existsSync(path.join(libDir, 'lib.d.ts'))) {
  mkdirSync(libDir, { recursive: true });
  for (const f of getLibFiles()) writeFileSync(path.join(libDir, f.fileName), f.text);
}
const started = performance.now();
const read = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
const options = { ...parsed.options, noEmit: true };
const host = ts.createCompilerHost(options);
host.getDefaultLibLocation = () => libDir;
host.getDefaultLibFileName = (o) => path.join(libDir, ts.getDefaultLibFileName(o));
const program = ts.createProgram({ rootNames: parsed.fileNames, options, host });
const diagnostics = ts.getPreEmitDiagnostics(program);
const sample = diagnostics.slice(0, 3).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
console.log(
  JSON.stringify({
    ms: Math.round(performance.now() - started),
    diagnostics: diagnostics.length,
    sample,
    files: parsed.fileNames.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    typescript: ts.version,
  }),
);
