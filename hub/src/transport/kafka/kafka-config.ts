// Parses INTERLINE_TRANSPORT=kafka://host:port,host2:port?groupId=…&partitions=…: the brokers, the
// consumer group, topic layout, and any librdkafka property passed through by its dotted name.
import { ConfigError } from '../../errors';

export interface KafkaSettings {
  /** `host:port,host:port` for librdkafka's `metadata.broker.list`. */
  brokers: string;
  /** Consumer groups are `<groupId>.<topic>` per route and `<groupId>.retry` for the delay relay. */
  groupId: string;
  clientId: string;
  /** Topic names start with this (`<prefix>.jobs.<queue>`, `<prefix>.retry.<ms>ms`, `<prefix>.dead-letters`). */
  topicPrefix: string;
  /** Partitions of each topic the transport creates: the most workers that can share a route. */
  partitions: number;
  /** Replication of created topics; -1 lets the broker use its `default.replication.factor`. */
  replicationFactor: number;
  /** Dotted query parameters (`security.protocol=ssl`, `sasl.mechanisms=…`) and URL credentials. */
  librdkafka: Record<string, string>;
}

const KNOWN = ['groupId', 'clientId', 'topicPrefix', 'partitions', 'replicationFactor'] as const;
const PLACE = 'INTERLINE_TRANSPORT';

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${PLACE}: kafka:// parameter ${name}=${text} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function name(param: string, text: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(text)) throw new ConfigError(`${PLACE}: kafka:// parameter ${param}='${text}' may use only letters, digits, '.', '_' and '-' (Kafka's rule for names)`);
  return text;
}

export function parseKafkaUrl(url: string): KafkaSettings {
  const match = /^kafka:\/\/(?:([^@/?]*)@)?([^/?]*)\/?(?:\?(.*))?$/.exec(url);
  if (!match) throw new ConfigError(`${PLACE}: '${url.replace(/\/\/[^@/]*@/, '//***@')}' is not a kafka:// URL; write kafka://host:9092,host2:9092?groupId=interline`);
  const [, userinfo, hostList = '', query = ''] = match;
  const brokers = hostList.split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new ConfigError(`${PLACE}: the kafka:// URL names no broker; write kafka://host:9092 (several: kafka://a:9092,b:9092)`);
  for (const broker of brokers) {
    const hostPort = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(broker);
    if (!hostPort || Number(hostPort[2]) > 65535) throw new ConfigError(`${PLACE}: kafka:// broker '${broker}' must be host:port, e.g. 127.0.0.1:9092`);
  }
  const params = new URLSearchParams(query);
  const settings: KafkaSettings = {
    brokers: brokers.join(','),
    groupId: 'interline',
    clientId: 'interline',
    topicPrefix: 'interline',
    partitions: 6,
    replicationFactor: -1,
    librdkafka: {},
  };
  for (const [key, value] of params) {
    if (key === 'partition.assignment.strategy' && value.includes('cooperative')) {
      // The consumer's rebalance callback does whole assign/unassign (eager); cooperative needs incremental ones.
      throw new ConfigError(`${PLACE}: partition.assignment.strategy=${value} is not supported by the Kafka transport yet; leave it unset (range,roundrobin)`);
    } else if (key.includes('.')) settings.librdkafka[key] = value;
    else if (key === 'groupId') settings.groupId = name(key, value);
    else if (key === 'clientId') settings.clientId = name(key, value);
    else if (key === 'topicPrefix') settings.topicPrefix = name(key, value);
    else if (key === 'partitions') settings.partitions = integer(key, value, 1, 1000);
    else if (key === 'replicationFactor') settings.replicationFactor = value === '-1' ? -1 : integer(key, value, 1, 32);
    else throw new ConfigError(`${PLACE}: unknown kafka:// parameter '${key}'; use ${KNOWN.join(', ')}, or a librdkafka property by its dotted name (e.g. security.protocol=ssl)`);
  }
  if (userinfo) {
    // kafka://user:password@host:9092 means SASL; the mechanism and protocol default to PLAIN over TLS.
    const [user = '', password = ''] = userinfo.split(':').map((part) => decodeURIComponent(part));
    settings.librdkafka['sasl.username'] = user;
    settings.librdkafka['sasl.password'] = password;
    settings.librdkafka['sasl.mechanisms'] ??= 'PLAIN';
    settings.librdkafka['security.protocol'] ??= 'sasl_ssl';
  }
  return settings;
}

/** The URL without its password, for logs and error lines. */
export function safeKafkaUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@').replace(/(sasl\.password|ssl\.key\.password)=[^&]*/g, '$1=***');
}
