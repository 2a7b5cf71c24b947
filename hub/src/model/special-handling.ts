// IATA special handling codes (SHC) used on pieces, shipments and bookings; the table doubles as
// documentation for the portal and for connectors mapping Cargo-IMP SPH lines and ONE Record codes.
import { Type } from '@sinclair/typebox';
import { StringEnum } from './schema-helpers';

/** The codes the hub knows, with what each one means for handling. Not the full IATA list: the ones in common use. */
export const SPECIAL_HANDLING_CODES = {
  ACT: 'Active temperature-controlled container',
  AVI: 'Live animals',
  BIG: 'Outsized cargo',
  CAO: 'Cargo aircraft only',
  COL: 'Cool goods (keep chilled)',
  CRT: 'Controlled room temperature, +15 °C to +25 °C',
  DGR: 'Dangerous goods (IATA DGR)',
  DIP: 'Diplomatic mail',
  EAP: 'e-freight consignment with accompanying paper documents',
  EAW: 'e-freight consignment without documents pouch (e-AWB)',
  EAT: 'Foodstuffs',
  ELI: 'Lithium-ion batteries, excepted (Section II)',
  ELM: 'Lithium-metal batteries, excepted (Section II)',
  FRO: 'Frozen goods',
  HEA: 'Heavy cargo, 150 kg or more per piece',
  HUM: 'Human remains',
  ICE: 'Dry ice (carbon dioxide, solid)',
  LHO: 'Living human organs or blood',
  MAG: 'Magnetized material',
  MAL: 'Mail',
  NSC: 'Not secured (no security status)',
  OBX: 'Obnoxious cargo',
  PEF: 'Flowers',
  PEM: 'Meat',
  PEP: 'Fruit and vegetables',
  PER: 'Perishable cargo',
  PES: 'Fish and seafood',
  PIL: 'Pharmaceuticals',
  RBI: 'Lithium-ion batteries, fully regulated (Section IA/IB)',
  RBM: 'Lithium-metal batteries, fully regulated',
  RCL: 'Cryogenic liquids',
  RCM: 'Corrosive',
  RDS: 'Diagnostic specimens',
  REQ: 'Dangerous goods in excepted quantities',
  RFG: 'Flammable gas',
  RFL: 'Flammable liquid',
  RFS: 'Flammable solid',
  RIS: 'Infectious substance',
  RMD: 'Miscellaneous dangerous goods',
  RNG: 'Non-flammable, non-toxic gas',
  ROP: 'Organic peroxide',
  ROX: 'Oxidizer',
  RPB: 'Toxic substance',
  RRW: 'Radioactive material, category I (white)',
  RRY: 'Radioactive material, categories II and III (yellow)',
  RSC: 'Spontaneously combustible',
  RXS: 'Explosives 1.4S',
  SCO: 'Secured for cargo aircraft only',
  SHR: 'Secured for passenger and cargo aircraft per high-risk requirements',
  SPX: 'Secured for passenger and cargo aircraft',
  VAL: 'Valuable cargo',
  VUN: 'Vulnerable cargo',
  WET: 'Wet cargo (not packed in watertight containers)',
  XPS: 'Priority small package',
} as const satisfies Record<string, string>;

export type SpecialHandlingCode = keyof typeof SPECIAL_HANDLING_CODES;

const CODES = Object.keys(SPECIAL_HANDLING_CODES) as SpecialHandlingCode[];

export function describeSpecialHandlingCode(code: string): string | undefined {
  return Object.hasOwn(SPECIAL_HANDLING_CODES, code) ? SPECIAL_HANDLING_CODES[code as SpecialHandlingCode] : undefined;
}

export function specialHandlingCodes(description: string) {
  return Type.Array(StringEnum(CODES, { description: 'IATA special handling code; see SPECIAL_HANDLING_CODES.' }), {
    uniqueItems: true,
    maxItems: 9, // Cargo-IMP's SPH line carries at most nine codes.
    description,
  });
}
