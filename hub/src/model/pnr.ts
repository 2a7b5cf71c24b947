// Pnr: a passenger booking as GDSs and airlines hold it — locators, passengers, segments, SSRs,
// tickets — with warnings kept, because partial failures (waitlists, failed sells) are normal.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { airportCode, carrierCode, countryCode, date, flightNumber, id, localDateTime, text, timestamp, utcOffset } from './common';
import { PASSENGER_TYPE_LIST, SEGMENT_STATUS_CODE_LIST } from './pnr-codes';
import { modelOptions, StringEnum } from './schema-helpers';

/** Passenger and segment references inside one PNR (P1, S2): stable within the record, not global ids. */
const localRef = (description: string) => Type.String({ pattern: '^[A-Za-z0-9_-]{1,20}$', description });

const personName = (description: string) => Type.String({ minLength: 1, maxLength: 60, pattern: "^[A-Za-z][A-Za-z '.-]*$", description: `${description} Latin letters as on the travel document.` });

export const TravelDocumentSchema = Type.Object(
  {
    type: StringEnum(['passport', 'identity-card', 'residence-permit', 'visa'] as const, { description: 'Document kind (DOCS P / I / C; DOCO for visas).' }),
    number: Type.String({ pattern: '^[A-Z0-9]{1,20}$', description: 'Document number.' }),
    issuingCountry: countryCode('Issuing country.'),
    nationality: Type.Optional(countryCode('Nationality stated on the document.')),
    expiryDate: Type.Optional(date('Expiry date.')),
    holderSurname: Type.Optional(personName('Surname as printed, when it differs from the booking name.')),
    holderGivenNames: Type.Optional(personName('Given names as printed, when they differ.')),
  },
  { additionalProperties: false, description: 'A travel document for SSR DOCS / DOCO and PAXLST.' },
);

export const PassengerSchema = Type.Object(
  {
    id: localRef('Passenger reference within the PNR (P1).'),
    type: StringEnum(PASSENGER_TYPE_LIST, { description: 'Passenger type code; see PASSENGER_TYPES.' }),
    title: Type.Optional(StringEnum(['MR', 'MRS', 'MS', 'MSTR', 'MISS', 'DR'] as const, { description: 'Title as sent to the GDS.' })),
    surname: personName('Surname.'),
    givenNames: personName('Given names.'),
    dateOfBirth: Type.Optional(date('Date of birth (required for CHD, INF, INS and for DOCS).')),
    gender: Type.Optional(StringEnum(['M', 'F', 'X', 'U'] as const, { description: 'Gender for DOCS: M, F, X (unspecified), U (undisclosed).' })),
    infantOf: Type.Optional(localRef('For INF: the adult passenger the infant travels with.')),
    documents: Type.Optional(Type.Array(TravelDocumentSchema, { maxItems: 4, description: 'Travel documents.' })),
  },
  { additionalProperties: false, description: 'A passenger in the booking.' },
);

export const SegmentSchema = Type.Object(
  {
    id: localRef('Segment reference within the PNR (S1).'),
    carrier: carrierCode('Marketing carrier.'),
    flightNumber: flightNumber('Marketing flight number.'),
    operatingCarrier: Type.Optional(carrierCode('Operating carrier, for codeshares.')),
    classOfService: Type.String({ pattern: '^[A-Z]$', description: 'Booking class (RBD), one letter.' }),
    cabin: Type.Optional(StringEnum(['economy', 'premium-economy', 'business', 'first'] as const, { description: 'Cabin of the booking class.' })),
    origin: airportCode('Board point.'),
    destination: airportCode('Off point.'),
    departure: localDateTime('Scheduled departure, local to the origin.'),
    departureUtcOffset: Type.Optional(utcOffset('Origin offset on the departure date.')),
    arrival: localDateTime('Scheduled arrival, local to the destination.'),
    arrivalUtcOffset: Type.Optional(utcOffset('Destination offset on the arrival date.')),
    status: StringEnum(SEGMENT_STATUS_CODE_LIST, { description: 'Segment status code; see SEGMENT_STATUS_CODES.' }),
    passengerIds: Type.Optional(Type.Array(localRef('Passenger on the segment.'), { minItems: 1, uniqueItems: true, description: 'Passengers on this segment; absent means all.' })),
  },
  { additionalProperties: false, description: 'An air segment.' },
);

export const SsrSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z]{4}$', description: 'SSR code (DOCS, DOCA, FOID, WCHR, VGML, CTCE).' }),
    carrier: Type.Optional(Type.String({ pattern: '^([A-Z0-9]{2})$', description: 'Carrier the SSR is for; YY for all.' })),
    status: Type.Optional(StringEnum(SEGMENT_STATUS_CODE_LIST, { description: 'Action/advice code of the SSR (HK, NN, KK…).' })),
    text: Type.Optional(text('Free text as in the GDS (P/DE/C01X00T47/DE/12AUG82/F/11AUG30/MUSTERMANN/ERIKA).', 250)),
    passengerId: Type.Optional(localRef('Passenger the SSR is for.')),
    segmentId: Type.Optional(localRef('Segment the SSR is for.')),
  },
  { additionalProperties: false, description: 'A special service request.' },
);

export const TicketSchema = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]{13}$', description: 'Ticket or EMD number: 3-digit airline code + 10 digits.' }),
    kind: StringEnum(['ticket', 'emd'] as const, { description: 'Electronic ticket or EMD.' }),
    passengerId: localRef('Passenger the document is for.'),
    segmentIds: Type.Optional(Type.Array(localRef('Segment a coupon covers.'), { uniqueItems: true, description: 'Segments covered.' })),
    status: StringEnum(['issued', 'voided', 'exchanged', 'refunded'] as const, { description: 'Document status.' }),
    issuedAt: timestamp('When it was issued.'),
  },
  { additionalProperties: false, description: 'An issued ticket or EMD.' },
);

export const RecordLocatorSchema = Type.Object(
  {
    locator: Type.String({ pattern: '^[A-Z0-9]{5,8}$', description: 'Record locator (6 characters as a rule).' }),
    system: Type.String({ pattern: '^[A-Z0-9]{2,3}$', description: 'Who holds it: GDS code (1A Amadeus, 1S Sabre, 1G/1P/1V Travelport) or airline designator.' }),
    kind: StringEnum(['gds', 'airline', 'agency'] as const, { description: 'What kind of system the locator belongs to.' }),
  },
  { additionalProperties: false, description: 'A record locator.' },
);

export const PnrRemarkSchema = Type.Object(
  {
    type: StringEnum(['general', 'confidential', 'itinerary', 'accounting'] as const, { description: 'Remark kind (RM, RC, RIR, accounting).' }),
    text: text('Remark text.', 250),
  },
  { additionalProperties: false },
);

export const PnrContactSchema = Type.Object(
  {
    type: StringEnum(['email', 'mobile', 'phone', 'agency', 'business', 'home'] as const, { description: 'Contact element kind (APE, APM, AP, APA, APB, APH).' }),
    value: text('Address or number.', 254),
    passengerId: Type.Optional(localRef('Passenger the contact belongs to.')),
  },
  { additionalProperties: false },
);

/** What kind of partial failure a warning reports, so a route can react without parsing text. */
export const PNR_WARNING_KINDS = ['waitlisted', 'sell-failed', 'busy', 'warning'] as const;

export const PnrWarningSchema = Type.Object(
  {
    code: Type.Optional(text('Source warning code.', 20)),
    kind: Type.Optional(StringEnum(PNR_WARNING_KINDS, { description: 'waitlisted (HL), sell-failed (UN/UC/NO, UNS), busy (simultaneous changes), or any other warning.' })),
    text: text('What went wrong or needs attention.', 500),
    segmentId: Type.Optional(localRef('Segment concerned.')),
  },
  { additionalProperties: false },
);

export const PnrSchema = Type.Object(
  {
    id: id('Canonical PNR id.'),
    recordLocators: Type.Array(RecordLocatorSchema, { minItems: 1, description: 'Record locators: the GDS one and each airline’s.' }),
    passengers: Type.Array(PassengerSchema, { minItems: 1, maxItems: 99, description: 'Passengers.' }),
    segments: Type.Array(SegmentSchema, { description: 'Air segments in itinerary order.' }),
    ssrs: Type.Array(SsrSchema, { description: 'Special service requests.' }),
    remarks: Type.Array(PnrRemarkSchema, { description: 'Remarks.' }),
    contacts: Type.Array(PnrContactSchema, { minItems: 1, description: 'Contact elements (AP); every PNR needs one.' }),
    ticketingTimeLimit: Type.Optional(timestamp('Deadline to issue tickets before the carrier cancels.')),
    tickets: Type.Array(TicketSchema, { description: 'Tickets and EMDs.' }),
    warnings: Type.Array(PnrWarningSchema, { description: 'Warnings from the last operation (waitlisted segment, sell failure, busy PNR).' }),
    createdAt: timestamp('When the PNR was created.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('pnr', 'PNR', 'A passenger name record: locators, passengers, segments with status codes, SSRs, remarks, contacts, tickets and warnings.'),
);
export type Pnr = Static<typeof PnrSchema>;
export type PnrPassenger = Static<typeof PassengerSchema>;
export type PnrSegment = Static<typeof SegmentSchema>;
export type PnrSsr = Static<typeof SsrSchema>;
export type PnrTicket = Static<typeof TicketSchema>;
export type PnrContact = Static<typeof PnrContactSchema>;
export type PnrRemark = Static<typeof PnrRemarkSchema>;
export type PnrWarning = Static<typeof PnrWarningSchema>;
export type RecordLocator = Static<typeof RecordLocatorSchema>;

export { pnrExamples } from './examples/pnr';
