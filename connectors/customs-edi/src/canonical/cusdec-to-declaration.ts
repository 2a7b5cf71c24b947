// CUSDEC D.96B segments → canonical CustomsDeclaration: the reverse of mapping
// customs-edi/declaration-to-cusdec, used by the simulated authority and to prove the round trip.
// The canonical id is not in the message (the authority does not need it): the caller gives it.
import { DECLARATION_TYPES } from '@interline/hub';
import type { CustomsDeclaration } from '@interline/hub';
import { DECLARATION_TYPE_BY_CODE, PARTY_BY_ROLE_CODE, TRANSPORT_MODE_BY_CODE } from './customs-codes';
import { GoodsItemReader } from './cusdec-goods-items';
import { at, readDate, readDocument, readInteger, readMoney, readNumber, readSplitId, readTimestamp } from './edi-read';
import type { EdiSegment } from './edi-read';

type Declaration = CustomsDeclaration;
type Document = Declaration['documents'][number];
type Procedure = NonNullable<Declaration['procedure']>;

export interface CusdecInput {
  /** UNH … UNT or just the segments between them. */
  segments: EdiSegment[];
  /** The canonical declaration id (from the binding). */
  id: string;
}

class HeaderReader {
  type: Declaration['declarationType'] | undefined;
  lrn = '';
  offices: Declaration['customsOffices'] = [];
  countries: { export?: string; destination?: string } = {};
  flight: { origin?: string; destination?: string; date?: string; carrier?: string; number?: string } = {};
  dates: { createdAt?: string; submittedAt?: string } = {};
  codes: { typeCode?: string; additional?: string; representation?: string } = {};
  procedure: Partial<Procedure> = {};
  references: Partial<Declaration['references']> = {};
  transport: Partial<Declaration['transport']> = {};
  documents: Document[] = [];
  parties: Array<{ role: string; partyId?: string }> = [];
  deliveryTerms: Declaration['deliveryTerms'];
  invoiceAmount: Declaration['totals']['invoiceAmount'];

  read(s: EdiSegment): void {
    const q = at(s, 0);
    switch (s.tag) {
      case 'BGM': {
        const name = at(s, 0, 3);
        this.type = (DECLARATION_TYPES as readonly string[]).includes(name) ? (name as Declaration['declarationType']) : DECLARATION_TYPE_BY_CODE[q];
        if (!this.type) throw new Error(`BGM document code "${q}" (name "${name}") is not a declaration type this mapping knows (${DECLARATION_TYPES.join(', ')})`);
        this.lrn = at(s, 1);
        return;
      }
      case 'LOC':
        return this.location(s, q);
      case 'DTM':
        if (q === '97') this.dates.createdAt = readTimestamp(s, 'createdAt');
        else if (q === '137') this.dates.submittedAt = readTimestamp(s, 'submittedAt');
        else if (q === '189') this.flight.date = readDate(s, 'transport.flight.date');
        else if (q === '182' && this.documents.length > 0) this.documents[this.documents.length - 1]!.issueDate = readDate(s, 'documents issueDate');
        return;
      case 'GIS':
        return this.code(at(s, 0, 1), q);
      case 'RFF':
        return this.reference(s, q);
      case 'TDT':
        return this.transportMeans(s);
      case 'DOC':
        this.documents.push(readDocument(s));
        return;
      case 'NAD':
        this.parties.push({ role: q });
        return;
      case 'TOD':
        this.deliveryTerms = { incoterm: at(s, 2) as NonNullable<Declaration['deliveryTerms']>['incoterm'], place: at(s, 2, 3) };
        return;
      case 'MOA':
        if (q === '39') this.invoiceAmount = readMoney(s, 'totals.invoiceAmount');
        return;
    }
  }

  private location(s: EdiSegment, q: string): void {
    const code = at(s, 1);
    if (q === '22') this.offices.push({ role: at(s, 2) as Declaration['customsOffices'][number]['role'], code });
    else if (q === '35') this.countries.export = code;
    else if (q === '28') this.countries.destination = code;
    else if (q === '5') this.flight.origin = code;
    else if (q === '8') this.flight.destination = code;
  }

  private code(list: string, value: string): void {
    if (list === 'DTC') this.codes.typeCode = value;
    else if (list === 'ADT') this.codes.additional = value;
    else if (list === 'RST') this.codes.representation = value;
    else if (list === 'RPC') this.procedure.requested = value;
    else if (list === 'PPC') this.procedure.previous = value;
    else if (list === 'APC') (this.procedure.additional ??= []).push(value);
  }

  private reference(s: EdiSegment, q: string): void {
    const last = this.parties[this.parties.length - 1];
    if (last) {
      if (q === 'ACD') last.partyId = readSplitId(s);
      return;
    }
    const value = at(s, 0, 1);
    if (q === 'ABT') this.references.mrn = value;
    else if (q === 'AWB') this.references.awb = value;
    else if (q === 'HWB') this.references.houseNumber = value;
    else if (q === 'UCN') this.references.ucr = value;
    else if (q === 'ACD') this.references.shipmentId = readSplitId(s);
  }

  private transportMeans(s: EdiSegment): void {
    const mode = TRANSPORT_MODE_BY_CODE[at(s, 2)];
    if (!mode) throw new Error(`TDT mode of transport "${at(s, 2)}" (C220 8067) is not a UN/ECE Recommendation 19 code`);
    this.transport = { mode };
    if (at(s, 1)) this.transport.meansId = at(s, 1);
    if (at(s, 7, 4)) this.transport.meansNationality = at(s, 7, 4);
    this.flight.carrier = at(s, 4) || undefined;
    this.flight.number = at(s, 7) || undefined;
  }
}

function flightOf(h: HeaderReader): Declaration['transport']['flight'] {
  const f = h.flight;
  if (!f.carrier) return undefined;
  if (!f.number || !f.date) throw new Error('TDT names carrier ' + f.carrier + ' but the flight number (C222 8213) or its date (DTM 189) is missing');
  const suffix = /[A-Z]$/.test(f.number) ? f.number.slice(-1) : undefined;
  const flight: NonNullable<Declaration['transport']['flight']> = { carrier: f.carrier, flightNumber: suffix ? f.number.slice(0, -1) : f.number, date: f.date };
  if (suffix) flight.suffix = suffix;
  if (f.origin) flight.origin = f.origin;
  if (f.destination) flight.destination = f.destination;
  return flight;
}

export function cusdecToDeclaration(input: CusdecInput): Declaration {
  const header = new HeaderReader();
  const items = new GoodsItemReader();
  const totals: Partial<Declaration['totals']> = {};
  let section: 'header' | 'detail' | 'summary' = 'header';
  for (const s of input.segments) {
    if (s.tag === 'UNH' || s.tag === 'UNT') continue;
    if (s.tag === 'UNS') section = at(s, 0) === 'D' ? 'detail' : 'summary';
    else if (section === 'header') header.read(s);
    else if (section === 'detail') items.read(s);
    else if (s.tag === 'CNT') {
      const q = at(s, 0);
      if (q === '5') totals.itemCount = readInteger(at(s, 0, 1), 'CNT 5 (item count)');
      else if (q === '11') totals.packageCount = readInteger(at(s, 0, 1), 'CNT 11 (package count)');
      else if (q === '7') totals.grossWeightKg = readNumber(at(s, 0, 1), 'CNT 7 (gross weight)');
    }
  }
  if (!header.type || !header.lrn) throw new Error('the message has no BGM with a declaration type and LRN (C106 1004)');
  if (header.transport.mode === undefined) throw new Error('the message has no TDT (transport at the border)');
  if (!header.dates.createdAt) throw new Error('the message has no DTM 97 (when the declaration was drafted)');
  if (totals.itemCount === undefined || totals.packageCount === undefined || totals.grossWeightKg === undefined) throw new Error('the message lacks CNT 5, 11 or 7 (totals)');

  const party = (role: string) => {
    const found = header.parties.find((p) => PARTY_BY_ROLE_CODE[p.role as keyof typeof PARTY_BY_ROLE_CODE] === role);
    if (found && !found.partyId) throw new Error(`NAD ${found.role} has no RFF+ACD with the party id`);
    return found ? { partyId: found.partyId! } : undefined;
  };
  const declarant = party('declarant');
  if (!declarant) throw new Error('the message has no NAD+DT (declarant)');
  const d: Declaration = {
    id: input.id,
    declarationType: header.type,
    declarant,
    customsOffices: header.offices,
    transport: header.transport as Declaration['transport'],
    references: { lrn: header.lrn, ...header.references },
    goodsItems: items.finish(),
    documents: header.documents,
    totals: totals as Declaration['totals'],
    createdAt: header.dates.createdAt,
  };
  if (header.codes.typeCode) d.declarationTypeCode = header.codes.typeCode;
  if (header.codes.additional) d.additionalDeclarationType = header.codes.additional;
  if (header.procedure.requested !== undefined) d.procedure = header.procedure as Procedure;
  const representative = party('representative');
  if (representative) d.representative = { party: representative, status: header.codes.representation === '3' ? 'indirect' : 'direct' };
  for (const role of ['exporter', 'importer', 'consignee'] as const) {
    const found = party(role);
    if (found) d[role] = found;
  }
  const flight = flightOf(header);
  if (flight) d.transport.flight = flight;
  if (header.countries.export) d.countryOfExport = header.countries.export;
  if (header.countries.destination) d.countryOfDestination = header.countries.destination;
  if (header.deliveryTerms) d.deliveryTerms = header.deliveryTerms;
  if (header.invoiceAmount) d.totals.invoiceAmount = header.invoiceAmount;
  if (header.dates.submittedAt) d.submittedAt = header.dates.submittedAt;
  return d;
}
