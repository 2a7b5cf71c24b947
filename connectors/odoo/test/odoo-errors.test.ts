// The classification table on its own: what Odoo's fault codes, JSON-2 statuses and server error
// texts become, including texts the simulator does not produce (seen from real Odoo and PostgreSQL).
import { AuthError, PermanentError, TransientError } from '@interline/hub';
import { errorForFault, errorForJson2Status } from '../src';

const place = { model: 'sale.order', method: 'action_confirm', database: 'production', login: 'interline@example.com' };
const traceback = (last: string): string => `Traceback (most recent call last):\n  File "odoo/service/model.py", line 156, in retrying\n${last}\n`;

describe('XML-RPC faults', () => {
  it.each([
    [2, 'Some orders are not in a state requiring confirmation.', PermanentError],
    [2, 'Cannot obtain lock on the records, they are being modified by another transaction. (LockError)', TransientError],
    [3, 'Access Denied', AuthError],
    [4, 'You are not allowed to modify \'Sales Order\' (sale.order) records.', AuthError],
    [1, traceback('psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update'), TransientError],
    [1, traceback('psycopg2.errors.LockNotAvailable: could not obtain lock on row in relation "sale_order"'), TransientError],
    [1, traceback('psycopg2.OperationalError: terminating connection due to administrator command'), TransientError],
    [1, traceback('psycopg2.errors.QueryCanceled: canceling statement due to statement timeout'), TransientError],
    [1, traceback('psycopg2.OperationalError: connection to server on socket failed: FATAL:  database "prod" does not exist'), PermanentError],
    [1, traceback("KeyError: 'partner_shipping_id'"), PermanentError],
    [Number.NaN, 'warning -- UserError\n\nlegacy string fault', PermanentError],
  ])('fault %s %j → %p', (code, text, errorClass) => {
    expect(errorForFault(code, text, place)).toBeInstanceOf(errorClass);
  });

  it('names the call, the fault and the way out; for server errors only the exception line, not the traceback', () => {
    expect(errorForFault(3, 'Access Denied', place).message).toBe(
      'Odoo denied access to sale.order.action_confirm on database "production" (fault 3, Access Denied): the API key of login "interline@example.com" is wrong, expired or revoked; put a valid key in the connector\'s apiKey (Odoo: Preferences → Account Security → New API Key)',
    );
    expect(errorForFault(1, traceback("KeyError: 'partner_shipping_id'"), place).message).toBe(
      "Odoo failed with an unexpected server error in sale.order.action_confirm (fault 1: KeyError: 'partner_shipping_id'); see the Odoo server log for the traceback",
    );
  });
});

describe('JSON-2 statuses', () => {
  const body = (name: string, message: string): string => JSON.stringify({ name, message, arguments: [message], context: {}, debug: '' });
  it.each([
    [401, body('werkzeug.exceptions.Unauthorized', 'Invalid apikey'), AuthError],
    [403, body('odoo.exceptions.AccessError', 'You are not allowed to modify'), AuthError],
    [404, body('werkzeug.exceptions.NotFound', "the model 'sale.orderz' does not exist"), PermanentError],
    [409, body('odoo.exceptions.LockError', 'Cannot obtain lock'), TransientError],
    [422, body('odoo.exceptions.ValidationError', 'Contacts require a name'), PermanentError],
    [422, JSON.stringify('a bare string body from an early 19.x'), PermanentError],
    [500, body('psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update'), TransientError],
    [500, body('builtins.KeyError', "'partner_shipping_id'"), PermanentError],
    [502, '<html><body>Bad Gateway</body></html>', TransientError],
    [503, '', TransientError],
  ])('HTTP %i %s → %p', (status, text, errorClass) => {
    expect(errorForJson2Status(status, text, new Headers(), place)).toBeInstanceOf(errorClass);
  });
});
