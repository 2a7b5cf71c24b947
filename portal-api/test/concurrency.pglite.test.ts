// Slices 2 and 3 under concurrency on PGlite (the embedded runtime's database).
import { describeConcurrencySuite } from './support/concurrency-suite';

describeConcurrencySuite('pglite', () => undefined);
