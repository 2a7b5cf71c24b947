// XML that declares a DOCTYPE can define entities (the "billion laughs" expansion bomb, external
// entities): SOAP forbids DTDs (SOAP 1.1 §3, SOAP 1.2 part 1 §5), so such a message is refused as
// text, before any parser sees it, on the client and in the simulator alike.

/** A DOCTYPE anywhere before the first element, or anywhere at all: the check does not parse. */
const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;

export class ForbiddenDoctypeError extends Error {
  constructor(readonly where: string) {
    super(`${where} carries a DOCTYPE/ENTITY declaration, which SOAP forbids (entity expansion attack); it was refused unread`);
    this.name = 'ForbiddenDoctypeError';
  }
}

export function hasDoctype(xml: string): boolean {
  return DOCTYPE.test(xml) || ENTITY.test(xml);
}

export function assertNoDoctype(xml: string, where: string): void {
  if (hasDoctype(xml)) throw new ForbiddenDoctypeError(where);
}
