// Where the service description lives: wsdl/ at the package root, beside src/ and dist/, so the
// same path works from sources (tests) and from the built package (tsc does not copy .wsdl files).
import path from 'node:path';

export const WSDL_FILE = path.join(__dirname, '..', 'wsdl', 'cargo-airline.wsdl');

export const SERVICE = 'CargoAirlineService';
export const PORTS = { '1.1': 'CargoAirlineSoap11Port', '1.2': 'CargoAirlineSoap12Port' } as const;
/** Paths the simulator serves each binding at (the WSDL's port addresses). */
export const BINDING_PATHS = { '1.1': '/CargoAirlineService/soap11', '1.2': '/CargoAirlineService/soap12' } as const;
export const NAMESPACE = 'urn:interline:cargo-airline:v1';

export type SoapVersion = keyof typeof PORTS;
