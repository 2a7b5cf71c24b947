// Tests run from TypeScript sources through SWC (no type-check here: `npm run typecheck` does that).
// The "@interline/source" export condition makes workspace imports resolve to src/, not dist/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@interline/source', 'node', 'require', 'default'] },
  roots: ['<rootDir>/hub', '<rootDir>/connectors', '<rootDir>/mappings', '<rootDir>/portal-api', '<rootDir>/cli', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts'],
  // *.fault.test.ts restart shared servers: jest.faults.config.js runs them alone, after this suite.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.fault\\.test\\.ts$'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // jose ships ESM only; SWC turns it into CommonJS for the test runtime.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 30000,
  maxWorkers: 2,
};
