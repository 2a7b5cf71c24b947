// Raw SOAP exchanges kept for audit: the request and response text with the WS-Security secrets
// (password digest, nonce, any plain password) removed, in a bounded ring per client.
export interface SoapExchange {
  at: string;
  operation: string;
  endpoint: string;
  soapVersion: string;
  durationMs: number;
  status?: number;
  request: string;
  response?: string;
  error?: string;
}

const SECRET_ELEMENTS = /(<(?:[\w-]+:)?(Password|Nonce)\b[^>]*>)([^<]*)(<\/(?:[\w-]+:)?\2>)/g;

/** Remove the UsernameToken secrets and any known secret value from a SOAP text. */
export function redactSoap(xml: string, secrets: readonly string[] = []): string {
  let out = xml.replace(SECRET_ELEMENTS, (_m, open: string, _name: string, _value: string, close: string) => `${open}[redacted]${close}`);
  for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

export class ExchangeRing {
  private readonly items: SoapExchange[] = [];
  constructor(private readonly capacity = 200) {}

  add(exchange: SoapExchange): void {
    this.items.push(exchange);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** Oldest first. */
  list(): SoapExchange[] {
    return this.items.map((item) => ({ ...item }));
  }

  last(): SoapExchange | undefined {
    const item = this.items[this.items.length - 1];
    return item ? { ...item } : undefined;
  }
}
