// The input of createPnr: the canonical PNR's passengers, segments to sell (with the booking class),
// SSRs, contacts, remarks and ticketing time limit — what mapping gds/pnr-to-create-pnr produces.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { PassengerSchema, PnrContactSchema, PnrRemarkSchema, SsrSchema } from '@interline/hub';

const ref = (description: string) => Type.String({ pattern: '^[A-Za-z0-9_-]{1,20}$', description });

export const SegmentRequestSchema = Type.Object(
  {
    id: ref('Segment reference in the request (S1); the GDS assigns its own in the answer.'),
    carrier: Type.String({ pattern: '^[A-Z0-9]{2}$', description: 'Marketing carrier.' }),
    flightNumber: Type.String({ pattern: '^[0-9]{1,4}$', description: 'Flight number.' }),
    classOfService: Type.String({ pattern: '^[A-Z]$', description: 'Booking class (RBD).' }),
    origin: Type.String({ pattern: '^[A-Z]{3}$', description: 'Board point.' }),
    destination: Type.String({ pattern: '^[A-Z]{3}$', description: 'Off point.' }),
    departure: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$', description: 'Local departure YYYY-MM-DDTHH:MM.' }),
  },
  { additionalProperties: false, description: 'A segment to sell (status NN, need).' },
);

export const CreatePnrInputSchema = Type.Object(
  {
    pnrId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description: 'Canonical PNR id; written into the PNR so a redelivery finds the booking instead of making a second.' }),
    passengers: Type.Array(PassengerSchema, { minItems: 1, maxItems: 9, description: 'Passengers (an INF names its adult in infantOf).' }),
    segments: Type.Array(SegmentRequestSchema, { minItems: 1, maxItems: 16 }),
    ssrs: Type.Optional(Type.Array(SsrSchema, { maxItems: 50, description: 'Further SSRs; DOCS come from the passengers\' documents.' })),
    contacts: Type.Array(PnrContactSchema, { minItems: 1, maxItems: 10, description: 'AP elements; at least one.' }),
    remarks: Type.Optional(Type.Array(PnrRemarkSchema, { maxItems: 20 })),
    ticketingTimeLimit: Type.Optional(Type.String({ format: 'date-time', description: 'TK TL: ticket by this time (office local date and time are sent).' })),
    receivedFrom: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9 ./-]+$', description: 'RF element (who asked for the booking); INTERLINE by default.' })),
  },
  { additionalProperties: false },
);

export type CreatePnrInput = Static<typeof CreatePnrInputSchema>;
export type SegmentRequest = Static<typeof SegmentRequestSchema>;
