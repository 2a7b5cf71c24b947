// The shared transport contract against RabbitMQ (a vhost of its own), with a second transport
// instance as a competing consumer.
import { describeTransportContract } from '../../src/testing';
import { AmqpTransport } from '../../src';
import { createTestVhost } from '../support/test-vhost';

describeTransportContract('amqp (RabbitMQ)', async () => {
  const vhost = await createTestVhost();
  return {
    transport: new AmqpTransport({ url: vhost.url, partitions: 3 }),
    peer: new AmqpTransport({ url: vhost.url, partitions: 3 }),
    minRetryDelayMs: 1000,
    cleanup: () => vhost.remove(),
  };
});
