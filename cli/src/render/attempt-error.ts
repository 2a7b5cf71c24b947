// One line for a recorded failure: class, message, and where it happened.
import type { AttemptError } from '../api/types';
import { oneLine } from '../errors';

export function formatAttemptError(error: AttemptError): string {
  const place = [error.connector ? `connector ${error.connector}` : '', error.step ? `step ${error.step}` : ''].filter(Boolean).join(', ');
  return `${error.errorClass}: ${oneLine(error.message)}${place ? ` (${place})` : ''}`;
}
