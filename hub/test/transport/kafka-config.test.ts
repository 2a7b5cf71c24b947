// What the Kafka transport decides without a broker: the kafka:// URL, topic names and headers,
// retry buckets, and job encoding (the parts CI exercises even where no Kafka runs).
import { ConfigError, KafkaTransport, parseKafkaUrl } from '../../src';
import { safeKafkaUrl } from '../../src/transport/kafka/kafka-config';
import type { MessageHeader } from '../../src/transport/kafka/rdkafka-types';
import { HEADER_REDELIVERIES, decodeJob, encodeJob, header, jobKey, jobsTopic, retryBucket, retryTopic } from '../../src/transport/kafka/topics';

describe('kafka:// URL', () => {
  it('reads several brokers, the group and the topic layout', () => {
    const settings = parseKafkaUrl('kafka://k1.example:9092,10.0.0.2:9093?groupId=hub-prod&partitions=12&replicationFactor=3&topicPrefix=acme&clientId=worker-1');
    expect(settings).toEqual({
      brokers: 'k1.example:9092,10.0.0.2:9093',
      groupId: 'hub-prod',
      clientId: 'worker-1',
      topicPrefix: 'acme',
      partitions: 12,
      replicationFactor: 3,
      librdkafka: {},
    });
  });

  it('has defaults that work against a single local broker', () => {
    expect(parseKafkaUrl('kafka://127.0.0.1:9092')).toMatchObject({ brokers: '127.0.0.1:9092', groupId: 'interline', topicPrefix: 'interline', partitions: 6, replicationFactor: -1 });
    expect(parseKafkaUrl('kafka://[::1]:9092/').brokers).toBe('[::1]:9092');
  });

  it('passes dotted librdkafka properties through and turns credentials into SASL', () => {
    const settings = parseKafkaUrl('kafka://svc%40acme:s3cr%3At@broker:9094?security.protocol=sasl_plaintext&sasl.mechanisms=SCRAM-SHA-512');
    expect(settings.librdkafka).toEqual({
      'security.protocol': 'sasl_plaintext',
      'sasl.mechanisms': 'SCRAM-SHA-512',
      'sasl.username': 'svc@acme',
      'sasl.password': 's3cr:t',
    });
    expect(parseKafkaUrl('kafka://u:p@broker:9094').librdkafka).toMatchObject({ 'sasl.mechanisms': 'PLAIN', 'security.protocol': 'sasl_ssl' });
    expect(safeKafkaUrl('kafka://u:p@broker:9094?sasl.password=x')).toBe('kafka://u:***@broker:9094?sasl.password=***');
  });

  it.each([
    ['kafka://', /names no broker/],
    ['kafka://broker', /broker 'broker' must be host:port/],
    ['kafka://broker:99999', /must be host:port/],
    ['kafka://b:9092?partitions=0', /partitions=0 must be a whole number from 1 to 1000/],
    ['kafka://b:9092?partitions=two', /partitions=two/],
    ['kafka://b:9092?groupId=has space', /groupId='has space' may use only letters/],
    ['kafka://b:9092?group=x', /unknown kafka:\/\/ parameter 'group'; use groupId/],
    ['amqp://b:5672', /is not a kafka:\/\/ URL/],
    ['kafka://b:9092?partition.assignment.strategy=cooperative-sticky', /cooperative-sticky is not supported by the Kafka transport yet/],
  ])('rejects %s with a line that says what to write', (url, message) => {
    expect(() => parseKafkaUrl(url)).toThrow(ConfigError);
    expect(() => parseKafkaUrl(url)).toThrow(message);
  });

  it('is checked when the transport is built, before anything connects', () => {
    expect(() => new KafkaTransport({ url: 'kafka://b:9092?replicationFactor=0' })).toThrow(/replicationFactor=0/);
    expect(new KafkaTransport({ url: 'kafka://b:9092' }).durable).toBe(true);
  });
});

describe('Kafka topics and messages', () => {
  it('names one topic per route queue, keeping distinct queues distinct', () => {
    expect(jobsTopic('interline', 'route.orders-to-erp')).toBe('interline.jobs.route.orders-to-erp');
    const odd = jobsTopic('interline', 'route.a b');
    expect(odd).toMatch(/^interline\.jobs\.route\.a_b-[0-9a-f]{10}$/);
    expect(odd).not.toBe(jobsTopic('interline', 'route.a_b'));
    expect(jobsTopic('interline', `route.${'x'.repeat(400)}`).length).toBeLessThanOrEqual(249);
  });

  it('puts a retry in the smallest bucket that covers its delay', () => {
    expect(retryBucket(0)).toBe(1_000);
    expect(retryBucket(50)).toBe(1_000);
    expect(retryBucket(1_001)).toBe(5_000);
    expect(retryBucket(299_000)).toBe(300_000);
    expect(retryBucket(24 * 3_600_000)).toBe(3_600_000);
    expect(retryTopic('interline', 5_000)).toBe('interline.retry.5000ms');
  });

  it('keys a job by its ordering key, else by its message id', () => {
    expect(jobKey({ messageId: 'm1', routeId: 'r', key: 'AWB-1' })).toBe('AWB-1');
    expect(jobKey({ messageId: 'm1', routeId: 'r' })).toBe('m1');
  });

  it('round-trips a job and refuses a value that is not one', () => {
    expect(decodeJob(encodeJob({ messageId: 'm1', routeId: 'r', key: 'k' }), 'x')).toEqual({ messageId: 'm1', routeId: 'r', key: 'k' });
    expect(decodeJob(encodeJob({ messageId: 'm1', routeId: 'r' }), 'x')).toEqual({ messageId: 'm1', routeId: 'r' });
    expect(() => decodeJob(Buffer.from('{"id":1}'), 'Kafka message t[0]@5')).toThrow('Kafka message t[0]@5 does not hold a delivery job');
    expect(() => decodeJob(null, 'Kafka message t[0]@6')).toThrow('does not hold a delivery job');
  });

  it('reads headers as node-rdkafka delivers them (one-entry objects with Buffers)', () => {
    const headers: MessageHeader[] = [{ other: Buffer.from('x') }, { [HEADER_REDELIVERIES]: Buffer.from('2') }];
    expect(header(headers, HEADER_REDELIVERIES)).toBe('2');
    expect(header(headers, 'absent')).toBeUndefined();
    expect(header(undefined, HEADER_REDELIVERIES)).toBeUndefined();
  });
});
