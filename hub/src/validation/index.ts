// Schema validation with field-path errors, shared by the model, routes, config and connectors.
export * from './ajv';
