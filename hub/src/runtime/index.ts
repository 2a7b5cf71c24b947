// Running a hub: composition, ingress, recovery, pollers, and start from configuration.
export * from './hub';
export * from './ingress';
export * from './pollers';
export * from './start-runtime';
export * from './event-types';
