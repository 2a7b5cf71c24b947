// The hub's view of the canonical event catalog: which types ingress accepts, and the listing.
import { EVENT_CATALOG, validateEventData } from '../model';

/** Throws UnknownEventTypeError (with suggestions) for a type outside the catalog. */
export function assertKnownEventType(type: string): void {
  validateEventData(type, undefined);
}

export function eventTypeList(): Array<{ type: string; object: string; summary: string }> {
  return Object.entries(EVENT_CATALOG).map(([type, entry]) => ({ type, object: entry.object, summary: entry.summary }));
}
