// The simulator's one account: what `simulator: true` configures the connector with.
export const SIMULATOR_USERNAME = 'interline-sim';
export const SIMULATOR_PASSWORD = 'sim-cargo-Pa55word';
/** How far a WS-Security Created/Timestamp may be from the simulator's clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;
