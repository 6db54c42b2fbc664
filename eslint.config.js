const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');
const js = require('@eslint/js');

// Only libs/messaging may touch amqplib (DESIGN.md "Messaging rules").
const amqpOnlyInMessaging = {
  paths: [{ name: 'amqplib', message: 'Use @accessdesk/messaging: it is the only code that touches amqplib.' }],
};

/**
 * Intake's use-case folders do not import each other (STYLE.md): what several use cases share lives
 * in its domain/ folder, the rules in rules/. A use-case folder (and rules/, migrations/) imports only
 * from domain/, rules/, migrations/ and the config; domain/ only from rules/ and the config, never from
 * a use case.
 */
const intakeUseCaseImports = {
  regex: '^\\.\\./(?!(domain|rules|migrations)/|intake\\.config$)',
  message: 'A use-case folder imports only from domain/, rules/, migrations/ and intake.config: move what use cases share into domain/.',
};
const intakeDomainImports = {
  regex: '^\\.\\./\\.\\./(?!rules/|intake\\.config$)',
  message: 'domain/ imports only from domain/, rules/ and intake.config, never from a use case.',
};

/**
 * Who may import whom. A contract is data (no I/O, no framework); messaging sits on contracts; the
 * runtime (libs/platform) on messaging and the plain libraries; a service on all of those, and never
 * on another service: services talk over RabbitMQ. Test files may also use libs/testing.
 */
function boundaries(inTests) {
  const testing = inTests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    // libs/testing starts services from the libraries, and those libraries' own integration tests use
    // it: a cycle through test code only, as production code may not import libs/testing (below).
    // ('!testing': every other project; '*' would also waive testing's imports of itself.)
    ignoredCircularDependencies: [['testing', '!testing']],
    depConstraints: [
      {
        sourceTag: 'type:contracts',
        onlyDependOnLibsWithTags: ['type:contracts'],
        allowedExternalImports: ['class-validator', 'class-transformer', 'reflect-metadata'],
      },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', ...testing] },
      { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', ...testing] },
      { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:messaging', ...testing] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:messaging', 'type:runtime'] },
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:lib', 'type:runtime', ...testing],
      },
      // The workspace itself (tools/: the launcher, bench, chaos run) drives the whole system.
      { sourceTag: 'type:workspace', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-imports': ['error', amqpOnlyInMessaging],
    },
  },
  {
    // Test files, and the helpers beside the end-to-end tests under a service's test/ folder.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'services/*/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  { files: ['libs/messaging/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['services/intake/src/*/**/*.ts'],
    ignores: ['services/intake/src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { ...amqpOnlyInMessaging, patterns: [intakeUseCaseImports] }] },
  },
  {
    files: ['services/intake/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...amqpOnlyInMessaging, patterns: [intakeDomainImports] }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The console's few scripts run in the browser, as classic scripts.
    files: ['services/console/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', setTimeout: 'readonly', Promise: 'readonly', DOMParser: 'readonly' } },
  },
);
