// The shared transport contract against a real Kafka cluster, with a second transport instance as a
// competing consumer in the same groups. Runs only when KAFKA_BROKERS is set (and node-rdkafka is
// installed); each run uses its own topic prefix and group id and deletes its topics afterwards.
import { randomBytes } from 'node:crypto';
import { describeTransportContract } from '../../src/testing';
import { KafkaTransport } from '../../src';
import { loadRdkafka } from '../../src/transport/kafka/load-rdkafka';

const brokers = process.env.KAFKA_BROKERS;
const SKIPPED = 'skipped: set KAFKA_BROKERS=host:port and npm install node-rdkafka';

if (!brokers) {
  console.warn(`kafka transport contract ${SKIPPED} (no Kafka broker was given, so nothing was tested against Kafka)`);
  describe.skip(`transport contract: kafka — ${SKIPPED}`, () => {
    it(SKIPPED, () => undefined);
  });
} else {
  describeTransportContract(`kafka (${brokers})`, async () => {
    const run = `interline-test-${randomBytes(4).toString('hex')}`;
    const url = `kafka://${brokers}?groupId=${run}&topicPrefix=${run}&partitions=3`;
    const transport = new KafkaTransport({ url, revokeTimeoutMs: 5_000 });
    const peer = new KafkaTransport({ url, revokeTimeoutMs: 5_000 });
    return {
      transport,
      peer,
      minRetryDelayMs: 50,
      cleanup: async () => {
        const admin = loadRdkafka().AdminClient.create({ 'metadata.broker.list': brokers });
        const topics = new Set([...transport.topics(), ...peer.topics()]);
        await Promise.all([...topics].map((topic) => new Promise<void>((resolve) => admin.deleteTopic(topic, 10_000, () => resolve()))));
        admin.disconnect();
      },
    };
  });
}
