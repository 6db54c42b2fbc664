// Resolves the workspace aliases (@accessdesk/*) to the compiled libraries in dist/ at run time.
// Usage: node -r ./tools/register-paths.js dist/services/<service>/src/main.js
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, [target.replace(/\.ts$/, '.js')]]),
);
tsConfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist'), paths });
