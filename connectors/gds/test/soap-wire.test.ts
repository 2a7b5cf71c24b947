// The SOAP wire itself: a hand-written SOAP 1.1 envelope posted with plain fetch gets the GDS answer
// from the simulator; the client reads hand-written fault envelopes from a tiny node:http server into
// typed errors (and restarts a lost session); DOCTYPE payloads are refused unread on both sides.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '@interline/hub';
import type { Pnr } from '@interline/hub';
import { gdsConnector, passwordDigest } from '../src';
import type { GdsClient } from '../src';
import { SIMULATOR_OFFICE, SIMULATOR_PASSWORD, SIMULATOR_USERNAME, startGdsSimulator } from '../src/testing';
import type { GdsSimulatorHandle } from '../src/testing';
import { failure, memoryState, runOperation } from './harness';

const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

function startEnvelope(body: string, nonce = Buffer.from(`nonce-${Date.now()}-${Math.random()}`).toString('base64')): string {
  const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:gds="urn:interline:gds:1">
  <soapenv:Header>
    <add:MessageID xmlns:add="http://www.w3.org/2005/08/addressing">urn:uuid:3f0c2a1e-0000-4000-8000-000000000001</add:MessageID>
    <add:Action xmlns:add="http://www.w3.org/2005/08/addressing">urn:interline:gds:PNR_Retrieve</add:Action>
    <add:To xmlns:add="http://www.w3.org/2005/08/addressing">http://gds.example/gds</add:To>
    <oas:Security xmlns:oas="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:oas1="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
      <oas:UsernameToken oas1:Id="UsernameToken-1">
        <oas:Username>${SIMULATOR_USERNAME}</oas:Username>
        <oas:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce}</oas:Nonce>
        <oas:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${passwordDigest(nonce, created, SIMULATOR_PASSWORD)}</oas:Password>
        <oas1:Created>${created}</oas1:Created>
      </oas:UsernameToken>
    </oas:Security>
    <AMA_SecurityHostedUser xmlns="http://xml.amadeus.com/2010/06/Security_v1"><UserID AgentDutyCode="SU" RequestorType="U" PseudoCityCode="${SIMULATOR_OFFICE}" POS_Type="1"/></AMA_SecurityHostedUser>
    <awsse:Session TransactionStatusCode="Start" xmlns:awsse="http://xml.amadeus.com/2010/06/Session_v3"/>
  </soapenv:Header>
  <soapenv:Body>${body}</soapenv:Body>
</soapenv:Envelope>`;
}

const post = (url: string, xml: string) => fetch(url, { method: 'POST', body: xml, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:interline:gds:PNR_Retrieve"' } });

describe('the simulator on the wire', () => {
  let sim: GdsSimulatorHandle;
  beforeAll(async () => {
    sim = await startGdsSimulator();
  });
  afterAll(() => sim.stop());

  it('answers a hand-written SOAP 1.1 PNR_Retrieve with the PNR and a new session', async () => {
    const response = await post(sim.endpoint, startEnvelope('<gds:PNR_Retrieve><gds:retrievalFacts><gds:retrieve><gds:type>2</gds:type></gds:retrieve><gds:reservationOrProfileIdentifier><gds:reservation><gds:controlNumber>XK7P2Q</gds:controlNumber></gds:reservation></gds:reservationOrProfileIdentifier></gds:retrievalFacts></gds:PNR_Retrieve>'));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toMatch(/<awsse:Session [^>]*TransactionStatusCode="InSeries"><awsse:SessionId>[0-9A-F]{10}<\/awsse:SessionId><awsse:SequenceNumber>1<\/awsse:SequenceNumber><awsse:SecurityToken>[0-9A-F]+<\/awsse:SecurityToken>/);
    expect(text).toContain('<wsa:RelatesTo');
    expect(text).toMatch(/<PNR_Reply xmlns="urn:interline:gds:1"><pnrHeader><reservationInfo><reservation><companyId>1A<\/companyId><controlNumber>XK7P2Q<\/controlNumber>/);
    expect(text).toContain('<surname>MUSTERMANN</surname>');
  });

  it('faults a wrong digest with 11|Session| and a missing session with 12|Presentation|', async () => {
    const wrong = startEnvelope('<gds:PNR_Retrieve/>').replace(/(<oas:Password[^>]*>)[^<]+/, '$1AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    const refused = await post(sim.endpoint, wrong);
    expect(refused.status).toBe(500);
    expect(await refused.text()).toMatch(/<faultcode>soap:Client<\/faultcode><faultstring>11\|Session\|<\/faultstring>/);
    const noSession = await post(sim.endpoint, startEnvelope('<gds:PNR_Retrieve/>').replace(/<awsse:Session[^>]*\/>/, ''));
    expect(await noSession.text()).toContain('12|Presentation|soap message header incorrect');
  });

  it('refuses a request carrying a DOCTYPE without expanding it', async () => {
    const before = sim.world.calls.length;
    const response = await post(sim.endpoint, `${BILLION_LAUGHS}${startEnvelope('<gds:PNR_Retrieve>&lol3;</gds:PNR_Retrieve>').replace(/^<\?xml[^>]*\?>/, '')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('DOCTYPE and ENTITY declarations are not allowed');
    expect(sim.world.calls.slice(before)).toEqual([{ operation: '(doctype)', status: 'refused', fault: 'DOCTYPE' }]);
  });
});

describe('the client against hand-written answers', () => {
  let server: Server;
  let answers: Array<{ status: number; body: string }>;
  let received: string[];
  let client: GdsClient;

  const fault11 = (code: string, text: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:${code}</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`;
  const reply = (sequence: number, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:awsse="http://xml.amadeus.com/2010/06/Session_v3"><soap:Header><awsse:Session TransactionStatusCode="InSeries"><awsse:SessionId>S0001</awsse:SessionId><awsse:SequenceNumber>${sequence}</awsse:SequenceNumber><awsse:SecurityToken>TOKEN</awsse:SecurityToken></awsse:Session></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
  const pnrReply =
    '<PNR_Reply xmlns="urn:interline:gds:1"><pnrHeader><reservationInfo><reservation><companyId>1A</companyId><controlNumber>ABC123</controlNumber><date>010326</date><time>0900</time></reservation></reservationInfo></pnrHeader>' +
    '<travellerInfo><elementManagementPassenger><reference><qualifier>PT</qualifier><number>1</number></reference><segmentName>NM</segmentName></elementManagementPassenger><passengerData><travellerInformation><traveller><surname>OKAFOR</surname></traveller><passenger><firstName>CHIDI DR</firstName><type>ADT</type></passenger></travellerInformation></passengerData></travellerInfo>' +
    '<dataElementsMaster><dataElementsIndiv><elementManagementData><reference><qualifier>OT</qualifier><number>2</number></reference><segmentName>AP</segmentName></elementManagementData><otherDataFreetext><freetextDetail><subjectQualifier>3</subjectQualifier><type>6</type></freetextDetail><longFreetext>+49 69 555 0100</longFreetext></otherDataFreetext></dataElementsIndiv></dataElementsMaster></PNR_Reply>';

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(body);
        const next = answers.shift() ?? { status: 500, body: fault11('Server', 'no answer prepared') };
        response.writeHead(next.status, { 'content-type': 'text/xml; charset=utf-8' });
        response.end(next.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = await gdsConnector.connect(
      { endpoint: `http://127.0.0.1:${port}/gds`, username: 'WSUSER', password: 'secret-pass', officeId: 'FRALH28AA', timeoutMs: 2_000 },
      { logger: silentLogger(), state: memoryState() },
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    answers = [];
    received = [];
  });

  it('signs in with a PasswordDigest and WS-Addressing, then continues InSeries with the next sequence number and ends', async () => {
    answers.push({ status: 200, body: reply(1, pnrReply) }, { status: 200, body: reply(2, '<Security_SignOutReply xmlns="urn:interline:gds:1"/>') });
    const pnr = await runOperation<Pnr>(client, 'retrievePnr', { locator: 'ABC123' });
    expect(pnr.passengers[0]).toMatchObject({ surname: 'OKAFOR', givenNames: 'CHIDI', title: 'DR' });
    expect(pnr.contacts).toEqual([{ type: 'agency', value: '+49 69 555 0100' }]);
    const [first, second] = received;
    expect(first).toMatch(/<wsa:Action [^>]*>urn:interline:gds:PNR_Retrieve<\/wsa:Action>/);
    expect(first).toMatch(/<wsa:MessageID [^>]*>urn:uuid:[0-9a-f-]{36}<\/wsa:MessageID>/);
    expect(first).toContain('#PasswordDigest');
    expect(first).not.toContain('secret-pass');
    const nonce = /<wsse:Nonce[^>]*>([^<]+)</.exec(first ?? '')?.[1] ?? '';
    const created = /<wsu:Created>([^<]+)</.exec(first ?? '')?.[1] ?? '';
    expect(/<wsse:Password[^>]*>([^<]+)</.exec(first ?? '')?.[1]).toBe(passwordDigest(nonce, created, 'secret-pass'));
    expect(first).toContain('TransactionStatusCode="Start"');
    expect(second).toMatch(/TransactionStatusCode="End"><awsse:SessionId>S0001<\/awsse:SessionId><awsse:SequenceNumber>2<\/awsse:SequenceNumber><awsse:SecurityToken>TOKEN<\/awsse:SecurityToken>/);
  });

  it('opens a new session when the GDS answers 95|Session|Inactive conversation, and succeeds', async () => {
    answers.push({ status: 500, body: fault11('Client', '95|Session|Inactive conversation') }, { status: 200, body: reply(1, pnrReply) }, { status: 200, body: reply(2, '<Security_SignOutReply xmlns="urn:interline:gds:1"/>') });
    const pnr = await runOperation<Pnr>(client, 'retrievePnr', { locator: 'ABC123' });
    expect(pnr.recordLocators[0]?.locator).toBe('ABC123');
    expect(received.filter((r) => r.includes('TransactionStatusCode="Start"'))).toHaveLength(2);
  });

  it.each([
    ['a soap:Server fault (SOAP 1.1)', 'transient', { status: 500, body: fault11('Server', 'SYSTEM ERROR - RETRY') }, /GDS side/],
    ['a soap:Client fault (SOAP 1.1)', 'permanent', { status: 500, body: fault11('Client', '1|Application|INVALID FORMAT') }, /rejected by the GDS/],
    ['a refused sign-in (11|Session|)', 'auth', { status: 500, body: fault11('Client', '11|Session|') }, /credentials/],
    ['a SOAP 1.2 Receiver fault', 'transient', { status: 500, body: '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">BACKEND DOWN</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>' }, /BACKEND DOWN/],
    ['HTTP 503 without a fault', 'transient', { status: 503, body: 'busy' }, /HTTP 503/],
  ])('reads %s into a %s error', async (_name, errorClass, answer, message) => {
    answers.push(answer, { status: 200, body: reply(2, '<Security_SignOutReply xmlns="urn:interline:gds:1"/>') });
    const error = await failure(runOperation(client, 'retrievePnr', { locator: 'ABC123' }));
    expect(error).toMatchObject({ errorClass, message: expect.stringMatching(message) });
  });

  it('refuses an answer carrying a DOCTYPE without expanding it', async () => {
    answers.push({ status: 200, body: `${BILLION_LAUGHS}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><PNR_Reply xmlns="urn:interline:gds:1">&lol3;</PNR_Reply></soap:Body></soap:Envelope>` });
    const error = await failure(runOperation(client, 'retrievePnr', { locator: 'ABC123' }));
    expect(error).toMatchObject({ errorClass: 'permanent', message: expect.stringContaining('DOCTYPE') });
    expect(error.message).not.toContain('lollol');
  });
});
