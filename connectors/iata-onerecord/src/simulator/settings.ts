// Simulator behaviour switches, changed at run time with POST /__sim/onerecord/settings.
export type ChangeRequestPolicy = 'accept' | 'reject' | 'fail' | 'hold';

export interface SimulatorSettings {
  /** What GET / lists as hasSupportedApiVersion. */
  apiVersions: string[];
  /** Answer like the NE:ONE server: flattened @graph with @vocab, every superclass in @type, xsd:int revisions, no version in Content-Type, server-set creationDate. */
  neOneStyle: boolean;
  /** How the data holder decides change requests: apply them (accept), or reject / fail / leave pending. */
  changeRequestPolicy: ChangeRequestPolicy;
  /** Change requests are decided on a timer, as NE:ONE does, so clients must poll the action request. */
  changeRequestDelayMs: number;
  /** One-shot: another party changes the object just before the next change request is decided (stale revision). */
  interveneBeforeNextChange: boolean;
  tokenTtlSeconds: number;
  /** Where notifications go; by default <subscriber server>/notifications from the subscription's hasSubscriber. */
  subscriberUrl?: string;
  notificationToken: string;
  /** Deliver every notification twice (ONE Record delivery is at-least-once). */
  duplicateNotifications: boolean;
  notificationRetries: number;
}

export function defaultSettings(notificationToken: string): SimulatorSettings {
  return {
    apiVersions: ['2.1.0', '2.2.0'],
    neOneStyle: false,
    changeRequestPolicy: 'accept',
    changeRequestDelayMs: 20,
    interveneBeforeNextChange: false,
    tokenTtlSeconds: 300,
    notificationToken,
    duplicateNotifications: false,
    notificationRetries: 3,
  };
}

const KEYS = new Set(Object.keys(defaultSettings('x')).concat('subscriberUrl'));

/** Merge a partial update; unknown keys are refused so a typo in a test does not pass silently. */
export function mergeSettings(current: SimulatorSettings, update: Record<string, unknown>): SimulatorSettings | string {
  for (const key of Object.keys(update)) if (!KEYS.has(key)) return `unknown setting "${key}" (known: ${[...KEYS].join(', ')})`;
  return { ...current, ...(update as Partial<SimulatorSettings>) };
}
