// Dead letters: replay (with edits) and discard, audited.
export * from './dead-letter-service';
export * from './json-patch';
