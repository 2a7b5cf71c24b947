// Routes: the file format, the route table, and the step runner.
export * from './route';
export { RouteFileSchema, RouteSpecSchema, parseDuration as parseRouteDuration } from './route-schema';
export type { RouteSpec, StepSpec, RouteFileSpec } from './route-schema';
export * from './route-file';
export * from './route-matcher';
export * from './step-runner';
