// Who the simulated authority is, and the values configFor() hands the connector (test values only).
export const SIMULATED_AUTHORITY = { id: 'SIMCUSTOMS', qualifier: 'ZZZ' } as const;
export const SIMULATED_DECLARANT = { id: 'INTERLINE', qualifier: 'ZZZ' } as const;
/** The UNB password (S005) the simulated authority expects; never a real secret. */
export const SIMULATED_PASSWORD = 'sim-pass-0001';
export const SIMULATED_PARTNER = 'customs-authority';
export const SIMULATED_COUNTRY = 'DE';
export const SIMULATED_SYSTEM = 'ATLAS-SIM';
export const SIMULATED_OFFICE = 'DE003302';
