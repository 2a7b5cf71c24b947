// ONE Record Shipment graph (Shipment, Pieces, Waybill, Organizations) → canonical Shipment. Reads what
// ONE Record models, then the carried hub fields; the result is checked against the canonical schema.
import { check, formatIssue, MalformedInputError, ShipmentSchema, toMinorUnits } from '@interline/hub';
import type { Money, Shipment } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { number, ref, string } from '../jsonld/graph';
import { cargo, codeOf, localName } from '../vocabulary';
import { applyCarried, canonicalIdOf, identifiersOf } from './carriage';
import { readPartyRef } from './party-reader';
import { airportOf, codeElement, codesOf, measureOf } from './values';

const ROLE_FIELDS: Record<string, 'shipper' | 'consignee' | 'agent' | 'notify'> = { SHP: 'shipper', CNE: 'consignee', AGT: 'agent', NFY: 'notify' };

export interface ShipmentReadOptions {
  /** createdAt / status for a partner's shipment that does not carry Interline's bookkeeping. */
  fallback?: { createdAt: string; status?: Shipment['status'] };
}

export function readShipment(graph: LinkedGraph, node: GraphNode, options: ShipmentReadOptions = {}): Shipment {
  const identifiers = identifiersOf(graph, node);
  const waybillNode = graph.linked(node, cargo('waybill'));
  if (waybillNode === undefined) throw new MalformedInputError(`ONE Record shipment ${node['@id']} links no cargo:waybill in the document; fetch it with embedded=true or include the Waybill`);
  const pieces = graph.linkedAll(node, cargo('pieces')).map((piece) => readPiece(graph, piece));
  const shipment: Record<string, unknown> = {
    id: canonicalIdOf(identifiers, node['@id'], 'shipment'),
    waybill: readWaybill(graph, waybillNode),
    origin: airportOf(graph, graph.linked(waybillNode, cargo('departureLocation'))),
    destination: airportOf(graph, graph.linked(waybillNode, cargo('arrivalLocation'))),
    pieces,
    totals: {
      pieceCount: pieces.reduce((sum, piece) => sum + (typeof piece.count === 'number' ? piece.count : 1), 0),
      grossWeightKg: measureOf(graph, node, cargo('totalGrossWeight'), 'kg'),
    },
    goodsDescription: string(node, cargo('goodsDescription')),
    chargesPayment: codeOf(ref(waybillNode, cargo('weightValuationIndicator')) ?? '', 'PrepaidCollectIndicator') === 'C' ? 'collect' : 'prepaid',
    status: options.fallback?.status ?? 'booked',
    createdAt: options.fallback?.createdAt,
  };
  const totalDimensions = graph.linked(node, cargo('totalDimensions'));
  if (totalDimensions !== undefined) Object.assign(shipment.totals as object, optional('volumeM3', measureOf(graph, totalDimensions, cargo('volume'), 'm3')));
  for (const party of graph.linkedAll(node, cargo('involvedParties'))) {
    const role = codeOf(ref(party, cargo('partyRole')) ?? '', 'ParticipantIdentifier');
    const field = role === undefined ? undefined : ROLE_FIELDS[role];
    const details = ref(party, cargo('partyDetails'));
    if (field !== undefined && details !== undefined) shipment[field] = readPartyRef(graph, details);
  }
  const shcs = codesOf(node, cargo('specialHandlingCodes'), 'SpecialHandlingCode');
  if (shcs.length > 0) shipment.specialHandlingCodes = shcs;
  Object.assign(shipment, optional('declaredValueForCarriage', money(graph, waybillNode, cargo('declaredValueForCarriage'))));
  Object.assign(shipment, optional('declaredValueForCustoms', money(graph, waybillNode, cargo('declaredValueForCustoms'))));
  Object.assign(shipment, optional('customerReference', string(waybillNode, cargo('shippingRefNo'))));
  const booking = ref(waybillNode, cargo('referredBookingOption'));
  if (booking !== undefined) shipment.bookingId = canonicalIdOf({ named: [], carried: new Map() }, booking, 'booking');
  applyCarried(shipment, identifiers.carried);
  const result = check(ShipmentSchema, shipment);
  if (!result.ok) throw new MalformedInputError(`ONE Record shipment ${node['@id']} does not make a valid canonical Shipment: ${result.issues.map(formatIssue).join('; ')}`);
  return result.value as Shipment;
}

function readPiece(graph: LinkedGraph, node: GraphNode): Record<string, unknown> {
  const identifiers = identifiersOf(graph, node);
  const piece: Record<string, unknown> = {
    id: canonicalIdOf(identifiers, node['@id'], 'piece'),
    count: 1,
    grossWeightKg: measureOf(graph, node, cargo('grossWeight'), 'kg'),
  };
  const dimensions = graph.linked(node, cargo('dimensions'));
  if (dimensions !== undefined) {
    const lengthCm = measureOf(graph, dimensions, cargo('length'), 'cm');
    const widthCm = measureOf(graph, dimensions, cargo('width'), 'cm');
    const heightCm = measureOf(graph, dimensions, cargo('height'), 'cm');
    if (lengthCm !== undefined && widthCm !== undefined && heightCm !== undefined) piece.dimensions = { lengthCm, widthCm, heightCm };
    Object.assign(piece, optional('volumeM3', measureOf(graph, dimensions, cargo('volume'), 'm3')));
  }
  Object.assign(piece, optional('goodsDescription', string(node, cargo('goodsDescription'))));
  const product = graph.linkedAll(node, cargo('contentProducts'))[0];
  if (product !== undefined) Object.assign(piece, optional('hsCode', codeElement(graph, product, cargo('hsCode'))));
  const shcs = codesOf(node, cargo('specialHandlingCodes'), 'SpecialHandlingCode');
  if (shcs.length > 0) piece.specialHandlingCodes = shcs;
  const packaging = graph.linked(node, cargo('packagingType'));
  if (packaging !== undefined) Object.assign(piece, optional('packagingType', codeElement(graph, packaging, cargo('typeCode'))));
  applyCarried(piece, identifiers.carried);
  return piece;
}

function readWaybill(graph: LinkedGraph, node: GraphNode): Record<string, unknown> {
  const type = localName(ref(node, cargo('waybillType')) ?? '', cargo(''))?.toLowerCase() ?? 'direct';
  const number = string(node, cargo('waybillNumber'));
  if (type === 'house') {
    const master = graph.linked(node, cargo('masterWaybill'));
    const masterAwb = master === undefined ? undefined : awbOf(master);
    if (masterAwb === undefined) throw new MalformedInputError(`ONE Record house waybill ${node['@id']} names no master waybill with prefix and number; the canonical waybill needs the master AWB`);
    return { type, number: masterAwb, houseNumber: number };
  }
  const awb = awbOf(node);
  if (awb === undefined) throw new MalformedInputError(`ONE Record waybill ${node['@id']} has no cargo:waybillPrefix and 8-digit cargo:waybillNumber`);
  return { type: type === 'master' ? 'master' : 'direct', number: awb };
}

/** PPP-SSSSSSSS from a Waybill node's prefix and number. */
export function awbOf(node: GraphNode): string | undefined {
  const prefix = string(node, cargo('waybillPrefix'));
  const serial = string(node, cargo('waybillNumber'));
  return prefix !== undefined && serial !== undefined && /^[0-9]{8}$/.test(serial) ? `${prefix}-${serial}` : undefined;
}

function money(graph: LinkedGraph, node: GraphNode, property: string): Money | undefined {
  const value = graph.linked(node, property);
  if (value === undefined) return undefined;
  const amount = number(value, cargo('numericalValue'));
  const currency = codeOf(ref(value, cargo('currencyUnit')) ?? '', 'CurrencyCode') ?? string(value, cargo('currencyUnit'));
  if (amount === undefined || currency === undefined) throw new MalformedInputError(`${node['@id']}: ${localName(property, cargo(''))} needs cargo:numericalValue and cargo:currencyUnit`);
  return { amountMinor: toMinorUnits(amount, currency), currency };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
