// The one user the simulator signs in, and its office. configFor points the connector at them.
export const SIMULATOR_USERNAME = 'WSINTLSIM';
export const SIMULATOR_PASSWORD = 'sim-Amadeus-Pa55';
export const SIMULATOR_OFFICE = 'FRALH28AA';
export const SIMULATOR_PATH = '/gds';
export const SIMULATOR_PARTNER = 'api-authority';
