// Loads a driver package only when the feature that needs it is configured, so the embedded
// runtime never loads broker or database clients, and an optional one (Kafka) may be absent.
import { ConfigError } from './errors';

export function lazyRequire<T>(name: string, feature: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
    return require(name) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND') throw new ConfigError(`${feature} needs the npm package '${name}', which is not installed; run \`npm install ${name}\``);
    throw error;
  }
}
