// The ops server: health, metrics, webhooks and the admin API.
export * from './ops-server';
export * from './problem';
