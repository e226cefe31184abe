// Scan of only the files a pull request touches (argv: root, files...), as the PR review path will.
import { scan } from '../dist/src/engine/scan.js';
import { ANALYZERS } from '../dist/analyzers/index.js';

const [root, ...files] = process.argv.slice(2);
const result = await scan({ root, analyzers: ANALYZERS, files });
console.log(JSON.stringify({ files: result.stats.files, findings: result.findings.length }));
