// The SSIM file source: each schedule data set dropped in the inbox is read with the hub's SSIM
// codec and every flight leg becomes flight.schedule-updated (a canonical Flight). A malformed file
// is refused whole, the error naming line and columns (the hub journals it); event ids derive from
// the file's content, so a file picked up twice emits nothing new.
import { FlightSchema, PermanentError, check, deterministicId, formatIssue, sha256Hex, ssim } from '@interline/hub';
import type { ConnectorContext, EmitEvent, SourceDefinition } from '@interline/hub';
import type { AirlinesClient } from '../client';

export async function receiveSsimFile(file: { name: string; bytes: Buffer; partner?: string }, ctx: ConnectorContext & { emit: EmitEvent }): Promise<number> {
  let flights;
  try {
    flights = ssim.ssimToFlights(ssim.parseSsim(file.bytes));
  } catch (error) {
    if (error instanceof ssim.SsimError) throw new PermanentError(`SSIM file ${file.name}${file.partner ? ` from ${file.partner}` : ''} refused: ${error.message}`, { issues: error.issues.slice(0, 20) });
    throw error;
  }
  const digest = sha256Hex(file.bytes);
  for (const flight of flights) {
    const checked = check(FlightSchema, flight);
    if (!checked.ok) throw new PermanentError(`SSIM file ${file.name}: leg ${flight.id} is not a valid Flight: ${checked.issues.map(formatIssue).join('; ')}`);
  }
  for (const flight of flights) {
    await ctx.emit({ type: 'flight.schedule-updated', data: flight, id: deterministicId('ssim', digest, flight.id), subject: `flight/${flight.id}`, partitionkey: `${flight.carrier}${flight.flightNumber}` });
  }
  ctx.logger.info({ file: file.name, legs: flights.length }, `SSIM file ${file.name}: ${flights.length} schedule legs emitted`);
  return flights.length;
}

export const ssimFiles: SourceDefinition<AirlinesClient> = {
  kind: 'file',
  summary: 'SSIM chapter 7 schedule files from the airline: every flight leg record becomes flight.schedule-updated (canonical Flight); a malformed file is refused naming line and columns.',
  receive: async (_client, file, ctx) => {
    await receiveSsimFile(file, ctx);
  },
};
