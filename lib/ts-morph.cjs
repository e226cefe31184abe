// ts-morph through require(): an ESM `import` of ts-morph makes Node scan its whole CommonJS source
// (and what it re-exports) for export names, about 250 ms of every start of the CLI. Named exports
// written out here are found by that scan without reading ts-morph itself.
const morph = require('ts-morph');
// The standard library .d.ts files ship inside ts-morph's own dependency, not as files on disk.
const common = require(require.resolve('@ts-morph/common', { paths: [require.resolve('ts-morph')] }));

const ts = morph.ts;
const Project = morph.Project;
const getLibFiles = common.getLibFiles;
const createWrappedNode = morph.createWrappedNode;

module.exports = { ts, Project, getLibFiles, createWrappedNode };
