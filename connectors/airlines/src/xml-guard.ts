// A SOAP message never needs a DTD: any DOCTYPE (the carrier of entity-expansion "billion laughs"
// bombs and external entities) is refused before an XML parser sees the text, in both directions.
const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;

/** The reason the text is refused, or undefined when it carries no document type declaration. */
export function doctypeProblem(xml: string): string | undefined {
  if (DOCTYPE.test(xml) || ENTITY.test(xml)) {
    return 'the message carries a DOCTYPE/ENTITY declaration, which SOAP forbids (SOAP 1.1 §3, SOAP 1.2 part 1 §5); it is refused unparsed, nothing is expanded';
  }
  return undefined;
}
