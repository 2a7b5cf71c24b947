// Namespaces of the SoapHeader 4 pieces (WS-Addressing, WS-Security, the Amadeus session and
// hosted-user headers) and of the service's own messages.
export const NS = {
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  awsse: 'http://xml.amadeus.com/2010/06/Session_v3',
  hostedUser: 'http://xml.amadeus.com/2010/06/Security_v1',
  service: 'urn:interline:gds:1',
} as const;

export const PASSWORD_DIGEST_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
export const BASE64_ENCODING = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** SOAPAction and WS-Addressing Action of an operation (as the WSDL binding declares them). */
export function actionOf(operation: string): string {
  return `urn:interline:gds:${operation}`;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
