// Authentication (JWT bearer tokens) and authorization (roles, tenants).
export * from './roles';
export * from './tokens';
