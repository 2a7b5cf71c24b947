// TestPing: the tiny payload of `test.ping`, which connector contract tests send end to end
// without needing any business object.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { text, timestamp } from './common';
import { modelOptions } from './schema-helpers';

export const TestPingSchema = Type.Object(
  {
    nonce: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Value the receiver echoes back, to match the round trip.' }),
    sentAt: timestamp('When the ping was sent.'),
    note: Type.Optional(text('Free text for whoever reads the journal.', 200)),
  },
  modelOptions('test-ping', 'Test ping', 'A minimal message for connector contract tests and health checks.'),
);
export type TestPing = Static<typeof TestPingSchema>;

export const testPingExamples: TestPing[] = [
  { nonce: 'c0ffee01', sentAt: '2025-03-14T09:00:00Z' },
  { nonce: 'contract-kit-42', sentAt: '2025-03-14T09:00:05.123+01:00', note: 'odoo connector contract run' },
];
