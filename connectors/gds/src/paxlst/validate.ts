// The check `interline edi validate <file>` runs (parse, then validate against the D.05B definition),
// applied to every PAXLST before it is written.
import { PermanentError, edifact } from '@interline/hub';

export function validatePaxlst(bytes: Buffer, what: string): edifact.ValidationResult {
  const result = edifact.validateInterchange(edifact.parseInterchange(bytes));
  if (!result.valid) {
    const shown = result.errors.slice(0, 5).map((e) => e.message).join('; ');
    throw new PermanentError(`${what} is not a valid PAXLST D.05B interchange (${result.errorCount} error(s)): ${shown}${result.errorCount > 5 ? '; …' : ''}`, {
      errors: result.errors.slice(0, 20).map((e) => e.toJSON()),
    });
  }
  return result;
}
