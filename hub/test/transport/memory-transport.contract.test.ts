// The shared transport contract against the in-process memory transport.
import { describeTransportContract } from '../../src/testing';
import { MemoryTransport } from '../../src';

describeTransportContract('memory', async () => ({ transport: new MemoryTransport(), minRetryDelayMs: 50, cleanup: async () => undefined }));
