// Readers for ONE Record value shapes: measures with their units, airports, code-list values and
// embedded code elements, converted to the canonical model's units (kg, cm, m³).
import { MalformedInputError } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { number, ref, string, strings } from '../jsonld/graph';
import { cargo, codeOf, CODE_LISTS, localName } from '../vocabulary';

/** Factors to the canonical unit for the UN/ECE Rec. 20 units partners use. */
const UNIT_FACTORS: Record<string, { to: 'kg' | 'cm' | 'm3'; factor: number }> = {
  KGM: { to: 'kg', factor: 1 },
  GRM: { to: 'kg', factor: 0.001 },
  LBR: { to: 'kg', factor: 0.45359237 },
  CMT: { to: 'cm', factor: 1 },
  MMT: { to: 'cm', factor: 0.1 },
  MTR: { to: 'cm', factor: 100 },
  INH: { to: 'cm', factor: 2.54 },
  MTQ: { to: 'm3', factor: 1 },
  DMQ: { to: 'm3', factor: 0.001 },
  LTR: { to: 'm3', factor: 0.001 },
  CMQ: { to: 'm3', factor: 0.000001 },
};

/** A cargo:Value in the canonical unit; undefined when the property is absent. */
export function measureOf(graph: LinkedGraph, node: GraphNode, property: string, unit: 'kg' | 'cm' | 'm3'): number | undefined {
  const value = graph.linked(node, property);
  if (value === undefined) return undefined;
  const amount = number(value, cargo('numericalValue'));
  if (amount === undefined) throw new MalformedInputError(`${node['@id']}: ${localName(property, cargo('')) ?? property} has no cargo:numericalValue`);
  const unitIri = ref(value, cargo('unit'));
  const unitCode = unitIri === undefined ? undefined : (codeOf(unitIri, 'MeasurementUnitCode') ?? localName(unitIri, CODE_LISTS) ?? unitIri);
  const conversion = unitCode === undefined ? undefined : UNIT_FACTORS[unitCode];
  if (conversion === undefined || conversion.to !== unit) {
    throw new MalformedInputError(`${node['@id']}: ${localName(property, cargo('')) ?? property} is in unit ${unitCode ?? '(none)'}, which does not convert to ${unit}; use one of ${Object.entries(UNIT_FACTORS).filter(([, c]) => c.to === unit).map(([u]) => u).join(', ')}`);
  }
  // Round away binary noise from the conversion (349 lb → 158.30 kg, not 158.30068…).
  return Math.round(amount * conversion.factor * 1e6) / 1e6;
}

/** The first code of an embedded CodeListElement (cargo:code), or of a code-list IRI. */
export function codeElement(graph: LinkedGraph, node: GraphNode, property: string): string | undefined {
  const target = graph.linked(node, property);
  if (target !== undefined) return string(target, cargo('code'));
  const iri = ref(node, property);
  return iri === undefined ? undefined : (iri.split('#').pop() ?? undefined);
}

/** The IATA code of a Location: its first locationCodes entry (NE:ONE also sends plain strings). */
export function airportOf(graph: LinkedGraph, location: GraphNode | undefined): string | undefined {
  if (location === undefined) return undefined;
  for (const element of graph.linkedAll(location, cargo('locationCodes'))) {
    const value = string(element, cargo('code'));
    if (value !== undefined) return value;
  }
  return strings(location, cargo('locationCodes'))[0];
}

/** Local names of code-list IRIs of one list, e.g. every SpecialHandlingCode. */
export function codesOf(node: GraphNode, property: string, list: string): string[] {
  const found: string[] = [];
  const values = node[property];
  if (!Array.isArray(values)) return found;
  for (const value of values as Array<{ '@id'?: string; '@value'?: unknown }>) {
    const iri = value['@id'];
    const raw = iri ?? (typeof value['@value'] === 'string' ? value['@value'] : undefined);
    // A code-list IRI, or a bare code where a server wrote a plain string.
    const codeValue = raw === undefined ? undefined : raw.includes('#') ? codeOf(raw, list) : raw;
    if (codeValue !== undefined) found.push(codeValue);
  }
  return found;
}
