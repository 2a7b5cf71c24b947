// Test helpers for code that talks to the portal through its connector: the stand-in simulator.
export { startPortalStandIn, STAND_IN_TOKEN } from '../connector/simulator/stand-in';
export type { StandInEffect, StandInState } from '../connector/simulator/stand-in';
