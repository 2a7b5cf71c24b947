// Answering the authority's interchanges with CONTRL when their UNB asks (0031 = 1): written to the
// outbox like any outbound file. The reference and time are kept per received file, so reading the
// same file again (a retry) sends the very same CONTRL, not a second one.
import { edifact, writeOutboundFile } from '@interline/hub';
import type { CustomsEdiClient } from '../client';

export async function sendAcknowledgement(
  client: CustomsEdiClient,
  interchange: edifact.Interchange,
  errors: edifact.EdifactError[],
  file: { name: string; sha256: string },
): Promise<string | undefined> {
  if (!edifact.needsAcknowledgement(interchange)) return undefined;
  // Keyed like the exchange's ledger (name + content): the same file again reuses it, another file does not.
  const key = `contrl:${file.sha256}:${file.name}`;
  let plan = await client.state.get<{ ref: string; at: string }>(key);
  if (!plan) {
    plan = { ref: await client.nextReference(), at: new Date().toISOString() };
    await client.state.set(key, plan);
  }
  const text = edifact.acknowledge(interchange, { errors }, { controlRef: plan.ref, date: new Date(plan.at) });
  if (text === undefined) return undefined;
  const name = `CONTRL_${client.config.sender.id.replace(/[^A-Za-z0-9-]/g, '')}_${plan.ref}.edi`;
  await writeOutboundFile({ root: client.config.root, partner: client.config.partner, name, bytes: edifact.toBytes(text) });
  return name;
}
