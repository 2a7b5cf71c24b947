// Building blocks every connector's simulator shares.
export * from './faults';
export * from './control';
export * from './listen';
