// SOAP on the wire, checked without the `soap` package: hand-written envelopes posted with fetch to
// the simulator, and the connector's client against hand-written fault envelopes served by a plain
// node:http server. WS-Security digests, DOCTYPE refusal both ways and fault classification.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { AuthError, PermanentError, TransientError, listenOnLoopback } from '@interline/hub';
import { AirlinesClient } from '../src';
import type { SoapVersion } from '../src';
import { faultEnvelope, passwordDigestOf } from '../src/testing';
import { envelope, postSoap, securityHeader, startRig } from './harness';
import type { Rig } from './harness';

const BOOKING_BODY = (reference: string): string =>
  `<c:CargoBookingCreateRequest><c:ClientReference>${reference}</c:ClientReference><c:Origin>FRA</c:Origin><c:Destination>ORD</c:Destination>` +
  '<c:Segment><c:Carrier>IL</c:Carrier><c:Number>8001</c:Number><c:Date>2026-03-02</c:Date><c:Origin>FRA</c:Origin><c:Destination>ORD</c:Destination></c:Segment>' +
  '<c:Pieces>3</c:Pieces><c:WeightKg>120.5</c:WeightKg><c:VolumeM3>0.8</c:VolumeM3><c:GoodsDescription>Machine parts</c:GoodsDescription></c:CargoBookingCreateRequest>';
const BOMB = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

describe('the simulator answers hand-written SOAP', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => rig.sim.stop());

  it('books from a SOAP 1.1 envelope (text/xml + SOAPAction) and answers a 1.1 response', async () => {
    const answer = await postSoap(rig.sim.endpoints['1.1'], '1.1', 'CargoBookingCreate', envelope('1.1', BOOKING_BODY('wire-11')));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    expect(answer.text).toContain('xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
    expect(answer.text).toMatch(/<CargoBookingCreateResponse xmlns="urn:interline:cargo-airline:v1"><Booking><BookingReference>IL\d{6}<\/BookingReference><ClientReference>wire-11<\/ClientReference><Status>CONFIRMED<\/Status>/);
    expect(rig.sim.inspect().bookings.find((b) => b.clientReference === 'wire-11')).toMatchObject({ weightKg: 120.5, pieces: 3, status: 'CONFIRMED' });
  });

  it('answers a SOAP 1.2 envelope (application/soap+xml with action) in SOAP 1.2', async () => {
    const body = '<c:CapacityCheckRequest><c:Flight><c:Carrier>IL</c:Carrier><c:Number>8001</c:Number><c:Date>2026-03-02</c:Date><c:Origin>FRA</c:Origin><c:Destination>ORD</c:Destination></c:Flight><c:WeightKg>10</c:WeightKg><c:VolumeM3>0.1</c:VolumeM3></c:CapacityCheckRequest>';
    const answer = await postSoap(rig.sim.endpoints['1.2'], '1.2', 'CapacityCheck', envelope('1.2', body));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/soap\+xml/);
    expect(answer.text).toContain('xmlns:soap="http://www.w3.org/2003/05/soap-envelope"');
    // 100 t capacity less the 120.5 kg booked above.
    expect(answer.text).toContain('<Available>true</Available><Remaining><WeightKg>99879.5</WeightKg>');
  });

  it.each<[SoapVersion, RegExp]>([
    ['1.1', /<faultcode>wsse:FailedAuthentication<\/faultcode>/],
    ['1.2', /<soap:Value>soap:Sender<\/soap:Value><soap:Subcode><soap:Value>wsse:FailedAuthentication<\/soap:Value>/],
  ])('refuses a wrong password digest with a SOAP %s security fault', async (version, fault) => {
    const answer = await postSoap(rig.sim.endpoints[version], version, 'CargoBookingCreate', envelope(version, BOOKING_BODY(`bad-pw-${version}`), securityHeader({ password: 'guessed' })));
    expect(answer.status).toBe(500);
    expect(answer.text).toMatch(fault);
    expect(rig.sim.inspect().bookings.some((b) => b.clientReference === `bad-pw-${version}`)).toBe(false);
  });

  it('refuses a stale timestamp (replay window) with MessageExpired', async () => {
    const stale = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const answer = await postSoap(rig.sim.endpoints['1.1'], '1.1', 'CargoBookingCreate', envelope('1.1', BOOKING_BODY('stale'), securityHeader({ created: stale })));
    expect(answer.text).toMatch(/<faultcode>wsse:MessageExpired<\/faultcode>/);
  });

  it('refuses a request carrying a DOCTYPE without expanding anything', async () => {
    const xml = envelope('1.1', BOOKING_BODY('&lol3;')).replace('<?xml version="1.0" encoding="UTF-8"?>', BOMB);
    const answer = await postSoap(rig.sim.endpoints['1.1'], '1.1', 'CargoBookingCreate', xml);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/<faultcode>env:Client<\/faultcode><faultstring>request refused: the message carries a DOCTYPE\/ENTITY declaration/);
    expect(answer.text).not.toContain('lollol');
    expect(rig.sim.inspect().bookings.some((b) => b.clientReference.includes('lol'))).toBe(false);
  });
});

/** A plain HTTP server answering every POST with the next canned response; it records the requests. */
async function cannedServer(responses: Array<{ status: number; type: string; body: string }>): Promise<{ url: string; requests: Array<{ headers: IncomingMessage['headers']; body: string }>; server: Server }> {
  const requests: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = responses.shift() ?? { status: 500, type: 'text/plain', body: 'no canned response left' };
      response.writeHead(next.status, { 'content-type': next.type });
      response.end(next.body);
    });
  });
  const base = await listenOnLoopback(server);
  return { url: `${base}/CargoAirlineService/soap11`, requests, server };
}

const statusCall = (client: AirlinesClient): Promise<unknown> => client.call('CargoBookingStatus', { ClientReference: 'x-1' }, { what: 'getBookingStatus for x-1' });

describe('the client against hand-written fault envelopes', () => {
  const soap11 = 'text/xml; charset=utf-8';
  const soap12 = 'application/soap+xml; charset=utf-8';
  const cases: Array<[string, SoapVersion, { status: number; type: string; body: string }, new (...args: never[]) => Error, RegExp]> = [
    ['1.1 Server busy → transient', '1.1', { status: 500, type: soap11, body: faultEnvelope('1.1', { side: 'server', reason: 'capacity system down', airline: { Code: 'CAPACITY_SYSTEM_DOWN', Message: 'down', RetryAfterSeconds: 2 } }) }, TransientError, /SOAP 1.1 fault Server \[CAPACITY_SYSTEM_DOWN\]: capacity system down; will retry/],
    ['1.2 Receiver → transient', '1.2', { status: 500, type: soap12, body: faultEnvelope('1.2', { side: 'server', reason: 'database busy' }) }, TransientError, /SOAP 1.2 fault Receiver: database busy/],
    ['1.1 Client no capacity → permanent naming flight and shortfall', '1.1', { status: 500, type: soap11, body: faultEnvelope('1.1', { side: 'client', reason: 'not enough space', airline: { Code: 'NO_CAPACITY', Message: 'full', Flight: 'IL8003/2026-03-02 FRA-JFK', ShortfallKg: 250, ShortfallM3: 1.5 } }) }, PermanentError, /no capacity on flight IL8003\/2026-03-02 FRA-JFK: short by 250 kg and 1.5 m³/],
    ['1.2 Sender validation → permanent', '1.2', { status: 500, type: soap12, body: faultEnvelope('1.2', { side: 'client', reason: 'Pieces must be positive', airline: { Code: 'VALIDATION', Message: 'bad' } }) }, PermanentError, /was rejected: SOAP 1.2 fault Sender \[VALIDATION\]: Pieces must be positive/],
    ['1.1 wsse:FailedAuthentication → auth', '1.1', { status: 500, type: soap11, body: faultEnvelope('1.1', { side: 'client', security: 'FailedAuthentication', reason: 'bad token' }) }, AuthError, /WS-Security check .*check the connector's username and password/],
    ['1.2 Sender/wsse:MessageExpired → auth with clock hint', '1.2', { status: 500, type: soap12, body: faultEnvelope('1.2', { side: 'client', security: 'MessageExpired', reason: 'too old' }) }, AuthError, /the clock of this host/],
    ['HTTP 503 from a gateway → transient', '1.1', { status: 503, type: 'text/html', body: '<html><body>Service Unavailable</body></html>' }, TransientError, /HTTP 503; will retry/],
    ['HTTP 401 without a fault → auth', '1.1', { status: 401, type: 'text/plain', body: 'Unauthorized' }, AuthError, /HTTP 401/],
    ['a DOCTYPE in the response → refused unparsed', '1.1', { status: 200, type: soap11, body: `${BOMB}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CargoBookingStatusResponse xmlns="urn:interline:cargo-airline:v1"><Booking><BookingReference>&lol3;</BookingReference></Booking></CargoBookingStatusResponse></soap:Body></soap:Envelope>` }, PermanentError, /was refused: the message carries a DOCTYPE\/ENTITY declaration/],
  ];

  it.each(cases)('%s', async (_name, version, response, type, message) => {
    const canned = await cannedServer([response]);
    try {
      const client = new AirlinesClient({ endpoint: canned.url, username: 'agent', password: 'Secret-Pw-42', soapVersion: version, timeoutMs: 2_000 });
      const error = await statusCall(client).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
      expect(JSON.stringify(client.exchanges.list())).not.toContain('lollol');
    } finally {
      canned.server.close();
    }
  });

  it('signs with a PasswordDigest the server can verify, and never writes the password anywhere', async () => {
    const ok = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CargoBookingStatusResponse xmlns="urn:interline:cargo-airline:v1"><Booking><BookingReference>IL000001</BookingReference><ClientReference>x-1</ClientReference><Status>CONFIRMED</Status><Origin>FRA</Origin><Destination>ORD</Destination><Pieces>1</Pieces><WeightKg>1</WeightKg><VolumeM3>0.1</VolumeM3><Segment><Flight><Carrier>IL</Carrier><Number>8001</Number><Date>2026-03-02</Date><Origin>FRA</Origin><Destination>ORD</Destination></Flight><WeightKg>1</WeightKg><VolumeM3>0.1</VolumeM3><SpaceStatus>KK</SpaceStatus></Segment><CreatedAt>2026-01-01T00:00:00Z</CreatedAt></Booking></CargoBookingStatusResponse></soap:Body></soap:Envelope>';
    const canned = await cannedServer([{ status: 200, type: 'text/xml', body: ok }]);
    try {
      const password = 'Secret-Pw-42';
      const client = new AirlinesClient({ endpoint: canned.url, username: 'agent', password, soapVersion: '1.1' });
      await statusCall(client);
      const sent = canned.requests[0]?.body ?? '';
      expect(canned.requests[0]?.headers.soapaction).toBe('"urn:interline:cargo-airline:v1/CargoBookingStatus"');
      const nonce = /<wsse:Nonce[^>]*>([^<]+)</.exec(sent)?.[1] ?? '';
      const created = /<wsu:Created>([^<]+)<\/wsu:Created><\/wsse:UsernameToken>/.exec(sent)?.[1] ?? '';
      const digest = /<wsse:Password Type="[^"]+#PasswordDigest">([^<]+)</.exec(sent)?.[1];
      expect(digest).toBe(passwordDigestOf(nonce, created, password));
      expect(sent).not.toContain(password);
      const audit = JSON.stringify(client.exchanges.list());
      expect(client.exchanges.last()?.request).toContain('#PasswordDigest">[redacted]</wsse:Password><wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">[redacted]</wsse:Nonce>');
      expect(audit).not.toContain(password);
      expect(audit).not.toContain(nonce);
      expect(audit).not.toContain(digest);
      expect(client.exchanges.last()).toMatchObject({ operation: 'CargoBookingStatus', status: 200, soapVersion: '1.1' });
    } finally {
      canned.server.close();
    }
  });
});
