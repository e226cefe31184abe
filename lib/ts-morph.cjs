// ts-morph through require(): an ESM `import` of ts-morph makes Node scan its whole CommonJS source
// (and what it re-exports) for export names, about 250 ms of every start of the CLI. Named exports
// written out here are found by that scan without reading ts-morph itself.
const morph = require('ts-morph');

const ts = morph.ts;
const Project = morph.Project;

module.exports = { ts, Project };
