// CloudEvents envelope, message ids and trace context.
export * from './envelope';
export * from './ids';
