// The airlines connector's configuration: where the cargo SOAP service lives, the WS-Security
// UsernameToken credentials, the SOAP version (which binding of the WSDL) and the call time limit.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const DEFAULT_TIMEOUT_MS = 15_000;

export const AirlinesConfigSchema = Type.Object(
  {
    endpoint: Type.String({
      pattern: '^https?://[^\\s/?#@]+(/[^\\s?#]*)?$',
      description: 'URL the SOAP requests are POSTed to (the service port address), e.g. https://cargo.example-airline.com/CargoAirlineService/soap11.',
    }),
    username: Type.String({ minLength: 1, maxLength: 128, description: 'WS-Security UsernameToken user name.' }),
    password: Type.String({ minLength: 1, maxLength: 256, secret: true, description: 'WS-Security password; sent only as a PasswordDigest (SHA-1 of nonce, created and password).' }),
    soapVersion: Type.Optional(
      Type.Union([Type.Literal('1.1'), Type.Literal('1.2')], { default: '1.1', description: 'SOAP 1.1 (text/xml, SOAPAction) or SOAP 1.2 (application/soap+xml) binding of the service.' }),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, default: DEFAULT_TIMEOUT_MS, description: 'Time limit of one SOAP call.' })),
  },
  { additionalProperties: false },
);

export type AirlinesConfig = Static<typeof AirlinesConfigSchema>;
