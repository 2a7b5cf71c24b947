// The customs EDI client: the partner's folders, the envelope it writes, durable references and
// records in connector state, and a health check that notices an authority that stopped collecting.
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PermanentError, edifact, ensurePartnerFolders, partnerFolders } from '@interline/hub';
import type { ConnectorState, HealthResult, Logger, PartnerFolders, PartnerIdentity } from '@interline/hub';
import type { CustomsEdiConfig } from './config';
import { StateControlReferences } from './connector-state';
import type { SentMessage } from './connector-state';
import { encodeInterchange, interchangeText, syntaxOf } from './interchange';

/** How long an interchange key counts for duplicate detection (CONTRL error 26). */
export const DUPLICATE_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

export class CustomsEdiClient {
  readonly folders: PartnerFolders;
  readonly references: StateControlReferences;
  readonly identity: PartnerIdentity;
  readonly #password: string | undefined;

  constructor(
    readonly config: CustomsEdiConfig,
    readonly state: ConnectorState,
    readonly logger: Logger,
  ) {
    this.folders = partnerFolders(config.root, config.partner);
    this.references = new StateControlReferences(state);
    this.identity = { partner: config.partner, senders: [config.recipient, ...(config.authoritySenders ?? [])] };
    this.#password = config.password;
  }

  /** Create the partner's folders when missing; the exchange root itself must exist. */
  async prepare(): Promise<void> {
    await ensurePartnerFolders(this.config.root, this.config.partner);
  }

  /** The next control reference for this partner (UNB 0020, also used as UNH 0062). */
  nextReference(): Promise<string> {
    return this.references.next(this.config.partner);
  }

  /** One message in an interchange to the authority, validated by the engine and encoded. */
  interchange(message: edifact.MessageInput, controlRef: string, preparedAt: Date, what: string): Buffer {
    const syntax = syntaxOf(this.config);
    const text = interchangeText({
      sender: this.config.sender,
      recipient: this.config.recipient,
      controlRef,
      preparedAt,
      ackRequested: this.config.ackRequested ?? true,
      testIndicator: this.config.testIndicator ?? false,
      syntax,
      message: { ...message, reference: controlRef },
      ...(this.#password !== undefined ? { password: this.#password } : {}),
    });
    const bytes = encodeInterchange(text, syntax.identifier, what);
    const result = edifact.validateInterchange(edifact.parseInterchange(bytes));
    if (!result.valid) {
      const shown = result.errors.slice(0, 5).map((e) => e.message).join('; ');
      throw new PermanentError(`${what} is not a valid ${message.type} ${message.version}${message.release} interchange (${result.errorCount} error(s)): ${shown}${result.errorCount > 5 ? '; …' : ''}`, {
        errors: result.errors.slice(0, 20).map((e) => e.toJSON()),
      });
    }
    return bytes;
  }

  async sent(messageRef: string): Promise<SentMessage | undefined> {
    return this.state.get<SentMessage>(`sent:${messageRef}`);
  }

  async recordSent(record: SentMessage): Promise<void> {
    await this.state.set(`sent:${record.messageRef}`, record);
  }

  async health(): Promise<HealthResult> {
    const started = Date.now();
    for (const [name, dir] of [['inbox', this.folders.inbox], ['outbox', this.folders.outbox]] as const) {
      try {
        await access(dir, constants.R_OK | constants.W_OK);
      } catch (error) {
        return { status: 'down', detail: `${name} ${dir} is not usable (${(error as NodeJS.ErrnoException).code ?? String(error)}): create it or mount the partner share` };
      }
    }
    const limitMs = (this.config.staleOutboxMinutes ?? 30) * 60_000;
    let stale = 0;
    for (const name of await readdir(this.folders.outbox)) {
      if (name.startsWith('.')) continue;
      const info = await stat(path.join(this.folders.outbox, name)).catch(() => undefined);
      if (info && started - info.mtimeMs > limitMs) stale++;
    }
    const latencyMs = Date.now() - started;
    if (stale > 0) return { status: 'degraded', latencyMs, detail: `${stale} file(s) waited more than ${this.config.staleOutboxMinutes ?? 30} min in ${this.folders.outbox}: is the authority collecting?` };
    return { status: 'up', latencyMs, detail: `folders of partner ${this.config.partner} under ${this.config.root} are usable` };
  }
}
