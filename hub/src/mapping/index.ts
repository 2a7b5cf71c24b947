// Mappings: TypeScript and JSONata modules, the registry, limits, and the fixture-case runner.
export * from './mapping';
export * from './registry';
export * from './jsonata-limits';
export * from './fixture-runner';
export * from './json-diff';
