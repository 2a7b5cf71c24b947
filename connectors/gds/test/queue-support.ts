// What the queue tests share: the connector, its poll pass, and the simulator config of a rig.
import type { GdsConfig } from '../src';
import type { Rig } from './harness';

export { gdsConnector, pollQueue } from '../src';

export function simulatorConfigFor(rig: Rig): Record<string, unknown> {
  return { ...(rig.config as GdsConfig) };
}
