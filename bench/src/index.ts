// The benchmark workspace: shared helpers for modules under benchmarks/.
export * from './benchmark';
