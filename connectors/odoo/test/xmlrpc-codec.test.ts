// The connector's own XML-RPC codec: every type Odoo exchanges survives a round trip, the values
// that corrupt Odoo data elsewhere are refused with the path named, and the reader resists hostile XML.
import { XmlRpcDateTime, XmlRpcEncodeError, XmlRpcFormatError, decodeMethodCall, decodeMethodResponse, encodeFault, encodeMethodCall, encodeMethodResponse } from '../src';

describe('XML-RPC encoding and decoding', () => {
  it('round-trips every XML-RPC type a call to Odoo can carry', () => {
    const params = [
      'interline',
      2,
      'ünïcödé & <markup> "quoted"\r\nline two',
      [
        ['write_date', '>', '2025-03-14 09:47:00'],
        ['active', 'in', [true, false]],
      ],
      { price_unit: 4.85, product_uom_qty: 416, discount: 0, big: 2 ** 40, negative: -12, empty: false, nested: { list: [1, 'two', 3.5] } },
      Buffer.from('%PDF-1.7 binary \u0000 data'),
      new XmlRpcDateTime('20250314T09:47:00'),
    ];
    const xml = encodeMethodCall('execute_kw', params);
    const decoded = decodeMethodCall(xml);
    expect(decoded.methodName).toBe('execute_kw');
    expect(decoded.params.slice(0, 5)).toEqual(params.slice(0, 5));
    expect(decoded.params[5]).toEqual(Buffer.from('%PDF-1.7 binary \u0000 data'));
    expect((decoded.params[6] as XmlRpcDateTime).toOdooString()).toBe('2025-03-14 09:47:00');
  });

  it('writes integers as <int>, 64-bit ones as <i8>, fractions as <double>, booleans as 0/1, empties as false', () => {
    const xml = encodeMethodCall('m', [7, 2 ** 40, 0.5, true, false]);
    expect(xml).toContain('<int>7</int>');
    expect(xml).toContain(`<i8>${2 ** 40}</i8>`);
    expect(xml).toContain('<double>0.5</double>');
    expect(xml).toContain('<boolean>1</boolean>');
    expect(xml).toContain('<boolean>0</boolean>');
    expect(xml).not.toContain('<nil');
  });

  it('refuses null, NaN, Date and unsafe integers, naming where the value sits', () => {
    expect(() => encodeMethodCall('execute_kw', ['db', 2, 'key', 'res.partner', 'create', [{ name: null }], {}], ['database', 'uid', 'apiKey', 'model', 'method', 'args', 'kwargs'])).toThrow(
      new XmlRpcEncodeError('args[0].name is null: XML-RPC has no null (Odoo runs with allow_none off); send false for an empty value'),
    );
    expect(() => encodeMethodCall('m', [[1, undefined]])).toThrow(/params\[0\]\[1\] is undefined/);
    expect(() => encodeMethodCall('m', [Number.NaN])).toThrow(/must be finite/);
    expect(() => encodeMethodCall('m', [{ date_order: new Date() }])).toThrow(/params\[0\]\.date_order is a Date: send Odoo's UTC string/);
    expect(() => encodeMethodCall('m', [2 ** 60])).toThrow(/not a safe integer/);
  });

  it('leaves out undefined struct members, as JSON does', () => {
    const decoded = decodeMethodCall(encodeMethodCall('m', [{ a: 1, b: undefined }]));
    expect(decoded.params[0]).toEqual({ a: 1 });
  });

  it('drops characters XML 1.0 cannot carry but keeps tabs and carriage returns', () => {
    const decoded = decodeMethodCall(encodeMethodCall('m', ['a\u0001b\u0008c\td\re']));
    expect(decoded.params[0]).toBe('abc\td\re');
  });

  it('reads a value without a type element as a string, and <nil/> as null (what Python peers send)', () => {
    const xml = '<?xml version="1.0"?><methodResponse><params><param><value><array><data><value>plain text</value><value><nil/></value><value><i4>-3</i4></value></data></array></value></param></params></methodResponse>';
    expect(decodeMethodResponse(xml)).toEqual({ kind: 'value', value: ['plain text', null, -3] });
  });

  it('decodes faults with their integer code and string', () => {
    expect(decodeMethodResponse(encodeFault(2, 'Contacts require a name'))).toEqual({ kind: 'fault', faultCode: 2, faultString: 'Contacts require a name' });
    expect(decodeMethodResponse(encodeMethodResponse({ ok: true }))).toEqual({ kind: 'value', value: { ok: true } });
  });

  it('keeps a struct member named __proto__ as data', () => {
    const decoded = decodeMethodCall('<methodCall><methodName>m</methodName><params><param><value><struct><member><name>__proto__</name><value><string>x</string></value></member></struct></value></param></params></methodCall>');
    const struct = decoded.params[0] as Record<string, unknown>;
    expect(Object.keys(struct)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('XML-RPC hardening', () => {
  const call = (body: string): string => `<?xml version="1.0"?>${body}<methodCall><methodName>m</methodName><params><param><value><string>&x;</string></value></param></params></methodCall>`;

  it('refuses a DOCTYPE, so no entity can be declared (billion laughs, external entities)', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY x "&lol;&lol;&lol;&lol;">]>';
    expect(() => decodeMethodCall(call(laughs))).toThrow(XmlRpcFormatError);
    expect(() => decodeMethodCall(call(laughs))).toThrow(/DOCTYPE declarations are not accepted/);
    const external = '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    expect(() => decodeMethodCall(call(external))).toThrow(/DOCTYPE declarations are not accepted/);
  });

  it('refuses undeclared entities and bare ampersands, accepts the predefined ones and character references', () => {
    expect(() => decodeMethodCall(call(''))).toThrow(/entity &x; is not accepted/);
    expect(() => decodeMethodCall('<methodCall><methodName>m</methodName><params><param><value>a & b</value></param></params></methodCall>')).toThrow(/bare "&"/);
    const ok = decodeMethodCall('<methodCall><methodName>m</methodName><params><param><value>&lt;&amp;&gt;&quot;&apos;&#233;&#x1F6EB;</value></param></params></methodCall>');
    expect(ok.params[0]).toBe('<&>"\'é🛫');
    expect(() => decodeMethodCall('<methodCall><methodName>m</methodName><params><param><value>&#0;</value></param></params></methodCall>')).toThrow(/not a legal XML character/);
  });

  it('refuses bodies over the size limit before parsing them', () => {
    const big = encodeMethodCall('m', ['x'.repeat(2048)]);
    expect(() => decodeMethodCall(big, 1024)).toThrow(/larger than 1024 bytes/);
  });

  it('refuses nesting deeper than the reader allows', () => {
    let value = '<value>x</value>';
    for (let i = 0; i < 60; i += 1) value = `<value><array><data>${value}</data></array></value>`;
    expect(() => decodeMethodCall(`<methodCall><methodName>m</methodName><params><param>${value}</param></params></methodCall>`)).toThrow(/nest deeper than 100 levels/);
  });

  it('names malformed XML-RPC precisely', () => {
    expect(() => decodeMethodResponse('<methodResponse><params></params></methodResponse>')).toThrow('a methodResponse carries exactly one param, this one has 0');
    expect(() => decodeMethodResponse('<methodResponse><params><param><value><int>1.5</int></value></param></params></methodResponse>')).toThrow('params[0]: integer "1.5" is not a whole number');
    expect(() => decodeMethodResponse('<methodResponse><params><param><value><boolean>yes</boolean></value></param></params></methodResponse>')).toThrow('<boolean> must be 0 or 1');
    expect(() => decodeMethodResponse('<html><body>502 Bad Gateway</body></html>')).toThrow('expected <methodResponse>, got <html>');
    expect(() => decodeMethodResponse('<methodResponse><params><param><value><string>x</value></param></params></methodResponse>')).toThrow(/<\/value> closes <string>/);
  });
});
