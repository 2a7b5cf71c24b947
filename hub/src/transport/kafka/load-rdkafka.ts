// Loads node-rdkafka only when INTERLINE_TRANSPORT is kafka://…, so a normal install never builds
// librdkafka and the embedded and RabbitMQ runtimes never load it.
import { ConfigError } from '../../errors';
import { lazyRequire } from '../../lazy-require';
import type { RdkafkaModule } from './rdkafka-types';

export const MISSING_RDKAFKA =
  'the Kafka transport needs node-rdkafka: run `npm install node-rdkafka` (builds librdkafka; needs a C++ toolchain, python3 and make) in the folder you start Interline from, or use amqp://… / memory for INTERLINE_TRANSPORT';

/** `name` is a seam for tests (a package that is certainly absent); the transport always asks for node-rdkafka. */
export function loadRdkafka(name = 'node-rdkafka'): RdkafkaModule {
  try {
    return lazyRequire<RdkafkaModule>(name, 'the Kafka transport');
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(MISSING_RDKAFKA);
    // Installed, but its native part did not build or load (no librdkafka binary for this Node).
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`node-rdkafka is installed but could not be loaded (${reason}); rebuild it with \`npm rebuild node-rdkafka\` or reinstall it`);
  }
}
