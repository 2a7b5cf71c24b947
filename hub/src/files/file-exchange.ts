// The partner file exchange runner: for every partner folder it records outbound files, takes
// complete inbound files exactly once and hands them to the file source of the partner's connector
// instance. One bad file or one failing partner never stops the others or the process.
import type { SourceDefinition } from '../connector/define-connector';
import { ConfigError, TimeoutError } from '../errors';
import type { Logger } from '../observability/logger';
import type { Hub } from '../runtime/hub';
import { unfinishedInbound } from './file-ledger';
import { InboxWatch } from './inbox-watch';
import { resumeInboundFile, takeInboxFile } from './inbound-processor';
import type { InboundDeps } from './inbound-processor';
import { recordSpooledOutbound } from './outbox';
import { assertPartnerName, ensurePartnerFolders, partnerFolders } from './partner-folders';
import { fileSourceEmitter } from './source-events';

export interface FilePartner {
  /** The partner's folder name under the root (also its name in the ledger). */
  name: string;
  /** The connector instance whose file source receives this partner's files. */
  connector: string;
  /** The file source to use when the connector has several. */
  source?: string;
  /** Another exchange root for this partner (e.g. the folder a connector's simulator serves). */
  root?: string;
}

export interface FileExchangeOptions {
  hub: Hub;
  root: string;
  /**
   * Default: one partner per connector instance that has a file source, named after the instance —
   * or, for an instance running against its simulator, the folders that simulator serves.
   */
  partners?: FilePartner[];
  logger?: Logger;
  /** How often inboxes are scanned; 1 s by default. */
  pollIntervalMs?: number;
  /** How long a file written without temp-then-rename must stand still before it is taken; 2 s by default. */
  settleMs?: number;
  /** Attempts for retryable failures before a file is rejected; 5 by default. */
  maxAttempts?: number;
  /** Time limit for one file source call; 60 s by default. */
  receiveTimeoutMs?: number;
}

export interface FileExchange {
  /** Resolves when every partner's folders exist and the first pass ran. */
  ready: Promise<void>;
  /** Run a pass now (after the current one, if any): tests and an admin "scan now". */
  scanNow(): Promise<void>;
  stop(): Promise<void>;
  readonly partners: readonly string[];
}

type FileSource = Extract<SourceDefinition, { kind: 'file' }>;

interface PartnerRun {
  partner: FilePartner;
  deps: InboundDeps;
  watch: InboxWatch;
  root: string;
}

function resolvePartners(hub: Hub, partners: FilePartner[] | undefined): FilePartner[] {
  if (partners) return partners;
  return hub.connectors
    .list()
    .filter((instance) => Object.values(instance.definition.sources ?? {}).some((s) => s.kind === 'file'))
    .map((instance) => {
      // A simulated partner serves its own folders: watch those, under the partner name it uses.
      const simulated = instance.simulator?.fileExchange;
      return simulated ? { name: simulated.partner, connector: instance.name, root: simulated.root } : { name: instance.name, connector: instance.name };
    });
}

function fileSourceOf(hub: Hub, partner: FilePartner): FileSource {
  const where = `file exchange partner '${partner.name}'`;
  const instance = hub.connectors.get(partner.connector);
  if (!instance) {
    const have = hub.connectors.list().map((i) => i.name).join(', ') || 'none';
    throw new ConfigError(`${where}: no connector instance '${partner.connector}' (have: ${have}); fix 'connector' or configure the instance`);
  }
  const files = Object.entries(instance.definition.sources ?? {}).filter((entry): entry is [string, FileSource] => entry[1].kind === 'file');
  if (partner.source !== undefined) {
    const found = files.find(([name]) => name === partner.source);
    if (!found) throw new ConfigError(`${where}: connector '${partner.connector}' has no file source '${partner.source}' (file sources: ${files.map(([n]) => n).join(', ') || 'none'})`);
    return found[1];
  }
  if (files.length === 0) throw new ConfigError(`${where}: connector '${partner.connector}' (${instance.definition.id}) has no file source to receive files`);
  if (files.length > 1) throw new ConfigError(`${where}: connector '${partner.connector}' has several file sources (${files.map(([n]) => n).join(', ')}); name one with 'source'`);
  return (files[0] as [string, FileSource])[1];
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not finish within ${ms} ms; will try again`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Start watching every partner's folders; configuration problems throw a ConfigError at once. */
export function startFileExchange(options: FileExchangeOptions): FileExchange {
  const { hub } = options;
  const logger = options.logger ?? hub.logger.child({ component: 'file-exchange' });
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const settleMs = options.settleMs ?? 2000;
  const receiveTimeoutMs = options.receiveTimeoutMs ?? 60_000;
  const partners = resolvePartners(hub, options.partners);
  const seen = new Set<string>();
  const runs: PartnerRun[] = partners.map((partner) => {
    assertPartnerName(partner.name, 'file exchange partner');
    if (seen.has(partner.name)) throw new ConfigError(`file exchange partner '${partner.name}' is configured twice; each partner has one folder and one connector`);
    seen.add(partner.name);
    const source = fileSourceOf(hub, partner);
    const instance = hub.connectors.get(partner.connector)!;
    const root = partner.root ?? options.root;
    const folders = partnerFolders(root, partner.name);
    const deps: InboundDeps = {
      db: hub.journal.sql,
      folders,
      connector: partner.connector,
      logger: logger.child({ partner: partner.name, connector: partner.connector }),
      maxAttempts: options.maxAttempts ?? 5,
      now: () => new Date(),
      deliver: (file, emitted) =>
        withTimeout(
          source.receive(instance.client, file, { ...instance.context, emit: fileSourceEmitter(hub, instance.name, emitted) }),
          receiveTimeoutMs,
          `connector '${partner.connector}' receiving ${file.name}`,
        ),
    };
    return { partner, deps, watch: new InboxWatch(folders.inbox, settleMs), root };
  });

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  async function passFor(run: PartnerRun): Promise<void> {
    await recordSpooledOutbound(run.deps.db, run.deps.folders, run.deps.logger);
    for (const file of await run.watch.ready()) {
      if (stopped) return;
      try {
        await takeInboxFile(run.deps, file);
      } catch (error) {
        // Infrastructure trouble (journal, disk): the file stays in the inbox and is tried next pass.
        run.deps.logger.error({ file: file.name, err: error }, `could not take ${file.name} from ${run.deps.folders.inbox}; will try again`);
      }
      run.watch.forget(file.name);
    }
    for (const record of await unfinishedInbound(run.deps.db, run.partner.name)) {
      if (stopped) return;
      await resumeInboundFile(run.deps, record);
    }
  }

  async function pass(): Promise<void> {
    for (const run of runs) {
      if (stopped) return;
      try {
        await passFor(run);
      } catch (error) {
        run.deps.logger.error({ err: error }, `file exchange pass for partner '${run.partner.name}' failed; next pass in ${pollIntervalMs} ms`);
      }
    }
  }

  /** Passes run one after another, whoever asks (the timer or scanNow): never two at once. */
  function enqueue(): Promise<void> {
    const next = current.catch(() => undefined).then(() => (stopped ? undefined : pass()));
    current = next;
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void enqueue().finally(schedule), pollIntervalMs);
  }

  const ready = (async () => {
    for (const run of runs) await ensurePartnerFolders(run.root, run.partner.name);
    await enqueue();
    schedule();
  })();
  ready.catch((error: unknown) => logger.error({ err: error }, 'file exchange could not start'));
  logger.info({ partners: partners.map((p) => p.name), pollIntervalMs }, `file exchange watching ${partners.length} partner folder(s) under ${options.root}`);

  return {
    ready,
    partners: partners.map((p) => p.name),
    scanNow: async () => {
      await ready;
      await enqueue();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await ready.catch(() => undefined);
      await current.catch(() => undefined);
    },
  };
}
