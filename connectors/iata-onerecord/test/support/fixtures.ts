// Shared test helpers: IRI builders and the connector's compaction context.
import { oneRecordContext } from '../../src/jsonld/document-loader';

export { cargo, api, code } from '../../src/vocabulary';

export function oneRecordContextForTests(): Record<string, unknown> {
  return oneRecordContext();
}
