// The fixed test credentials the simulator accepts (never real secrets) and the token it presents when
// it notifies a subscriber.
export const SIMULATOR_CLIENT_ID = 'interline-sim';
export const SIMULATOR_CLIENT_SECRET = 'sim-onerecord-client-secret';
/** What the simulator sends as "Authorization: Bearer …" on POST <subscriber>/notifications by default. */
export const SIMULATOR_NOTIFICATION_TOKEN = 'sim-onerecord-notification-token';
/** Signs the simulator's access tokens (HS256); only the simulator checks them. */
export const SIMULATOR_SIGNING_KEY = 'sim-onerecord-signing-key-not-a-secret';
