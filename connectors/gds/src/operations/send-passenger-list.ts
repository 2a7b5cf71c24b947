// sendPassengerList: API data to the border authority — the flight's passengers (from their PNRs) as a
// PAXLST D.05B interchange file in the authority's outbox, split into parts when the list is long,
// validated by the EDIFACT engine first. Effectively once: reference and file name are planned under
// the step's idempotency key, so a redelivered step rewrites the same bytes (or nothing) under the
// same name instead of sending a second list.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { FlightSchema, PermanentError, PnrSchema, defineOperation, ensurePartnerFolders, writeOutboundFile } from '@interline/hub';
import type { GdsClient } from '../client';
import { DEFAULT_MAX_PASSENGERS_PER_MESSAGE } from '../config';
import { paxlstInterchangeText } from '../paxlst/paxlst-interchange';
import { paxlstSegments } from '../paxlst/paxlst-message';
import { passengersOnFlight } from '../paxlst/passenger-list';
import { validatePaxlst } from '../paxlst/validate';

export const SendPassengerListInputSchema = Type.Object(
  {
    flight: FlightSchema,
    date: Type.String({ format: 'date', description: 'Operating date (local departure date) of the flight.' }),
    pnrs: Type.Array(PnrSchema, { minItems: 1, description: 'PNRs holding the flight; passengers with a confirmed segment on it are listed.' }),
  },
  { additionalProperties: false },
);

export interface SendPassengerListResult {
  file: string;
  controlRef: string;
  parts: number;
  passengers: number;
  sha256: string;
  warnings: string[];
  /** True when an earlier attempt of the same step had already written the file. */
  redelivered: boolean;
}

interface Plan {
  ref: string;
  file: string;
  preparedAt: string;
  written: boolean;
  sha256?: string;
  parts?: number;
  passengers?: number;
}

const CONTROL_REFERENCE_KEY = 'paxlst:control-reference';

async function nextControlRef(client: GdsClient): Promise<string> {
  const last = (await client.state.get<number>(CONTROL_REFERENCE_KEY)) ?? 0;
  const next = last >= 9_999_999_999 ? 1 : last + 1;
  await client.state.set(CONTROL_REFERENCE_KEY, next);
  return String(next).padStart(10, '0');
}

function planKey(idempotencyKey: string): string {
  return `paxlst:plan:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;
}

const prepared = new WeakSet<GdsClient>();

export const sendPassengerList = defineOperation({
  summary: 'Write the flight\'s passengers (from PNRs with a confirmed segment on it) as a PAXLST D.05B interchange (multi-part when longer than paxlst.maxPassengersPerMessage) into the authority\'s outbox, validated by the EDIFACT engine.',
  input: SendPassengerListInputSchema,
  sideEffect: true,
  async run(client: GdsClient, input, ctx): Promise<SendPassengerListResult> {
    const { flight, date } = input;
    const flightName = `${flight.carrier}${flight.flightNumber} ${flight.departure.airport}-${flight.arrival.airport} ${date}`;
    const what = `PAXLST for ${flightName}`;
    const listed = passengersOnFlight(flight, date, input.pnrs);
    if (listed.length === 0) {
      throw new PermanentError(`${what}: none of the ${input.pnrs.length} PNR(s) holds a confirmed segment on ${flightName}; check the flight, the date and the segment status codes`);
    }
    const key = planKey(ctx.idempotencyKey);
    let plan = await client.state.get<Plan>(key);
    if (plan?.written) {
      ctx.logger.info({ file: plan.file }, `${what} was already written as ${plan.file}; not sending it twice`);
      return { file: plan.file, controlRef: plan.ref, parts: plan.parts ?? 1, passengers: plan.passengers ?? listed.length, sha256: plan.sha256 ?? '', warnings: [], redelivered: true };
    }
    if (!plan) {
      const ref = await nextControlRef(client);
      plan = { ref, file: `PAXLST_${flight.carrier}${flight.flightNumber}_${date.replace(/-/g, '')}_${ref}.edi`, preparedAt: new Date().toISOString(), written: false };
      await client.state.set(key, plan);
    }

    const size = client.config.paxlst?.maxPassengersPerMessage ?? DEFAULT_MAX_PASSENGERS_PER_MESSAGE;
    const warnings: string[] = [];
    const parts = [];
    for (let i = 0; i < listed.length; i += size) {
      parts.push(paxlstSegments({ flight, date, reportingParty: `${flight.carrier} API`, passengers: listed.slice(i, i + size) }, (text) => warnings.push(text)));
    }
    const text = paxlstInterchangeText({
      sender: client.config.paxlst?.sender ?? `${flight.carrier}API`,
      recipient: client.config.paxlst?.recipient ?? `${flight.arrival.airport}APIS`,
      controlRef: plan.ref,
      preparedAt: new Date(plan.preparedAt),
      commonAccessReference: `${flight.carrier}${flight.flightNumber}/${date.slice(2).replace(/-/g, '')}/${flight.departure.scheduledTime.replace(':', '')}`,
      parts,
    });
    const bytes = Buffer.from(text, 'latin1');
    validatePaxlst(bytes, what);
    if (!prepared.has(client)) {
      await ensurePartnerFolders(client.authorityRoot, client.authorityPartner);
      prepared.add(client);
    }
    const written = await writeOutboundFile({ root: client.authorityRoot, partner: client.authorityPartner, name: plan.file, bytes, messageIds: [ctx.envelope.id] });
    await client.state.set(key, { ...plan, written: true, sha256: written.sha256, parts: parts.length, passengers: listed.length });
    for (const warning of warnings) ctx.logger.warn({ file: plan.file }, warning);
    return { file: plan.file, controlRef: plan.ref, parts: parts.length, passengers: listed.length, sha256: written.sha256, warnings, redelivered: written.outcome === 'unchanged' };
  },
});
