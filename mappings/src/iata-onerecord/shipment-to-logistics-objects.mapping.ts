// Canonical Shipment → ONE Record logistics objects: the Shipment, one Piece per piece line, the
// Waybill (and its master for a house waybill), an Organization per party and a Location per airport, linked by URI.
import { defineMapping, fromMinorUnits, ShipmentSchema } from '@interline/hub';
import type { Money, Piece, Shipment } from '@interline/hub';
import { canonicalId, carriage, checked, codeRef, document, iri, link, locationObjects, measure } from './json-ld-terms';
import type { JsonLdNode } from './json-ld-terms';
import { organizationNode, PARTY_ROLE_CODES } from './party-organization';

const WAYBILL_TYPES = { master: 'cargo:MASTER', house: 'cargo:HOUSE', direct: 'cargo:DIRECT' } as const;
const PARTY_FIELDS = ['shipper', 'consignee', 'agent', 'notify'] as const;

export default defineMapping<Shipment, JsonLdNode>({
  id: 'iata-onerecord/shipment-to-logistics-objects',
  from: 'Shipment',
  to: 'ONE Record JSON-LD: Shipment, Pieces, Waybill, Organizations (@graph)',
  description: 'The logistics objects publishLogisticsObjects creates on the partner server, or changes by change request.',
  map(input) {
    const shipment = checked<Shipment>(ShipmentSchema, input, 'Shipment');
    const shipmentIri = iri.shipment(shipment.id);
    const waybillIri = iri.waybill(shipment.waybill.number, shipment.waybill.type === 'house' ? shipment.waybill.houseNumber : undefined);
    const nodes: JsonLdNode[] = [shipmentNode(shipment, shipmentIri, waybillIri)];
    nodes.push(...shipment.pieces.map((piece) => pieceNode(piece, shipmentIri)));
    nodes.push(...waybillNodes(shipment, shipmentIri, waybillIri));
    for (const field of PARTY_FIELDS) {
      const ref = shipment[field];
      if (ref !== undefined) nodes.push(organizationNode(ref));
    }
    nodes.push(...locationObjects([shipment.origin, shipment.destination]));
    return document(nodes);
  },
});

function shipmentNode(shipment: Shipment, shipmentIri: string, waybillIri: string): JsonLdNode {
  const node: JsonLdNode = {
    '@id': shipmentIri,
    '@type': 'cargo:Shipment',
    'cargo:goodsDescription': shipment.goodsDescription,
    'cargo:totalGrossWeight': measure(shipment.totals.grossWeightKg, 'KGM'),
    'cargo:pieces': shipment.pieces.map((piece) => link(iri.piece(piece.id))),
    'cargo:waybill': link(waybillIri),
    'cargo:involvedParties': PARTY_FIELDS.filter((field) => shipment[field] !== undefined).map((field) => ({
      '@type': 'cargo:Party',
      'cargo:partyRole': codeRef('ParticipantIdentifier', PARTY_ROLE_CODES[field]),
      'cargo:partyDetails': link(iri.organization((shipment[field] as { partyId: string }).partyId)),
    })),
  };
  if (shipment.totals.volumeM3 !== undefined) node['cargo:totalDimensions'] = { '@type': 'cargo:Dimensions', 'cargo:volume': measure(shipment.totals.volumeM3, 'MTQ') };
  if (shipment.specialHandlingCodes !== undefined) node['cargo:specialHandlingCodes'] = shipment.specialHandlingCodes.map((shc) => codeRef('SpecialHandlingCode', shc));
  node['cargo:otherIdentifiers'] = [
    canonicalId(shipment.id),
    ...carriage({
      '/status': shipment.status,
      '/createdAt': shipment.createdAt,
      '/updatedAt': shipment.updatedAt,
      '/totals/pieceCount': shipment.totals.pieceCount,
      '/totals/chargeableWeightKg': shipment.totals.chargeableWeightKg,
      '/bookingId': shipment.bookingId,
    }),
  ];
  return node;
}

function pieceNode(piece: Piece, shipmentIri: string): JsonLdNode {
  const node: JsonLdNode = {
    '@id': iri.piece(piece.id),
    '@type': 'cargo:Piece',
    'cargo:ofShipment': link(shipmentIri),
    'cargo:grossWeight': measure(piece.grossWeightKg, 'KGM'),
  };
  if (piece.dimensions !== undefined || piece.volumeM3 !== undefined) {
    const dimensions: JsonLdNode = { '@type': 'cargo:Dimensions' };
    if (piece.dimensions !== undefined) {
      dimensions['cargo:length'] = measure(piece.dimensions.lengthCm, 'CMT');
      dimensions['cargo:width'] = measure(piece.dimensions.widthCm, 'CMT');
      dimensions['cargo:height'] = measure(piece.dimensions.heightCm, 'CMT');
    }
    if (piece.volumeM3 !== undefined) dimensions['cargo:volume'] = measure(piece.volumeM3, 'MTQ');
    node['cargo:dimensions'] = dimensions;
  }
  if (piece.goodsDescription !== undefined) node['cargo:goodsDescription'] = piece.goodsDescription;
  if (piece.specialHandlingCodes !== undefined) node['cargo:specialHandlingCodes'] = piece.specialHandlingCodes.map((shc) => codeRef('SpecialHandlingCode', shc));
  if (piece.hsCode !== undefined) {
    node['cargo:contentProducts'] = [{ '@type': 'cargo:Product', 'cargo:hsCode': { '@type': 'cargo:CodeListElement', 'cargo:code': piece.hsCode, 'cargo:codeListName': 'HS' } }];
  }
  if (piece.packagingType !== undefined) {
    node['cargo:packagingType'] = { '@type': 'cargo:PackagingType', 'cargo:typeCode': { '@type': 'cargo:CodeListElement', 'cargo:code': piece.packagingType, 'cargo:codeListName': 'UNECE Rec. 21' } };
  }
  node['cargo:otherIdentifiers'] = [
    canonicalId(piece.id),
    // A canonical piece line stands for `count` identical pieces; one cargo:Piece carries the line.
    ...carriage({ '/count': piece.count, '/stackable': piece.stackable, '/uldNumber': piece.uldNumber, '/dangerousGoods': piece.dangerousGoods }),
  ];
  return node;
}

function waybillNodes(shipment: Shipment, shipmentIri: string, waybillIri: string): JsonLdNode[] {
  const { waybill } = shipment;
  const [prefix = '', serial = ''] = waybill.number.split('-');
  const node: JsonLdNode = {
    '@id': waybillIri,
    '@type': 'cargo:Waybill',
    'cargo:waybillType': { '@id': WAYBILL_TYPES[waybill.type] },
    'cargo:shipment': link(shipmentIri),
    'cargo:departureLocation': link(iri.location(shipment.origin)),
    'cargo:arrivalLocation': link(iri.location(shipment.destination)),
    'cargo:weightValuationIndicator': codeRef('PrepaidCollectIndicator', shipment.chargesPayment === 'prepaid' ? 'P' : 'C'),
  };
  if (waybill.type === 'house') node['cargo:waybillNumber'] = waybill.houseNumber;
  else Object.assign(node, { 'cargo:waybillPrefix': prefix, 'cargo:waybillNumber': serial });
  if (shipment.declaredValueForCarriage !== undefined) node['cargo:declaredValueForCarriage'] = currencyValue(shipment.declaredValueForCarriage);
  if (shipment.declaredValueForCustoms !== undefined) node['cargo:declaredValueForCustoms'] = currencyValue(shipment.declaredValueForCustoms);
  if (shipment.customerReference !== undefined) node['cargo:shippingRefNo'] = shipment.customerReference;
  if (shipment.bookingId !== undefined) node['cargo:referredBookingOption'] = link(iri.booking(shipment.bookingId));
  if (waybill.type !== 'house') return [node];
  const masterIri = iri.waybill(waybill.number);
  node['cargo:masterWaybill'] = link(masterIri);
  const master: JsonLdNode = {
    '@id': masterIri,
    '@type': 'cargo:Waybill',
    'cargo:waybillType': { '@id': WAYBILL_TYPES.master },
    'cargo:waybillPrefix': prefix,
    'cargo:waybillNumber': serial,
  };
  // The house names its master, not the other way round: the master's other houses must not be overwritten.
  return [node, master];
}

/** Money as cargo:CurrencyValue: the decimal amount and the ISO 4217 currency code. */
function currencyValue(money: Money): JsonLdNode {
  return { '@type': 'cargo:CurrencyValue', 'cargo:numericalValue': Number(fromMinorUnits(money.amountMinor, money.currency)), 'cargo:currencyUnit': codeRef('CurrencyCode', money.currency) };
}
