// The simulated customs authority: it collects interchange files from the declarant's outbox (the way
// an authority's gateway fetches them), checks envelope, password and syntax with the engine, rejects
// duplicates (26), lodges declarations and manifests, and drops CONTRL and CUSRES into the inbox.
// Faults from the shared control plane change what it does with the next matching file.
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FaultPlan, edifact, isIgnoredName, writeFileAtomic } from '@interline/hub';
import type { CustomsResponse, Fault, PartnerFolders } from '@interline/hub';
import { cuscarToManifest } from '../canonical/cuscar-to-manifest';
import { cusdecToDeclaration } from '../canonical/cusdec-to-declaration';
import { contrlFor, cusresInterchange, refusal } from './answers';
import type { Acknowledgement, Answer, AuthorityState, Lodged, ReceivedFile } from './authority-state';
import { SIMULATED_AUTHORITY, SIMULATED_COUNTRY, SIMULATED_OFFICE, SIMULATED_PASSWORD, SIMULATED_SYSTEM } from './identity';
import { declarationVerdict, manifestVerdict } from './verdicts';
import type { Verdict } from './verdicts';

/** Fault plans name the connector operation that produced the file. */
const OPERATION_BY_TYPE: Record<string, string> = { CUSDEC: 'sendDeclaration', CUSCAR: 'sendManifest' };

/** References that never repeat across resets and restarts (a repeat would be a duplicate interchange). */
function newReferences(): edifact.InMemoryControlReferenceStore {
  return new edifact.InMemoryControlReferenceStore({ start: Date.now() * 10 });
}

export class CustomsAuthority {
  readonly faults = new FaultPlan();
  private state: AuthorityState;
  private references = newReferences();
  private duplicates = new edifact.InMemoryDuplicateRegistry();
  private mrnCounter = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly folders: PartnerFolders) {
    this.state = this.empty();
  }

  private empty(): AuthorityState {
    return { root: path.dirname(this.folders.base), partner: this.folders.partner, received: [], lodged: [], answers: [], acknowledgements: [], pendingAnswers: 0 };
  }

  /** Collect what is in the outbox now; calls are serialised. */
  collect(): Promise<void> {
    const next = this.running.then(() => this.collectOnce());
    this.running = next.catch(() => undefined);
    return next;
  }

  inspect(): AuthorityState {
    return structuredClone({ ...this.state, pendingAnswers: this.timers.size });
  }

  reset(): void {
    this.stop();
    this.faults.clear();
    this.state = this.empty();
    this.references = newReferences();
    this.duplicates = new edifact.InMemoryDuplicateRegistry();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async collectOnce(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.folders.outbox)).filter((name) => !isIgnoredName(name)).sort();
    } catch {
      return; // no outbox (yet): nothing to collect
    }
    for (const name of names) await this.take(name);
  }

  private async take(name: string): Promise<void> {
    const file = path.join(this.folders.outbox, name);
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return;
    const record: ReceivedFile = { file: name, at: new Date().toISOString(), types: [], controlRef: null, sender: null, outcome: 'lodged', errors: [], fault: null };
    let interchange: edifact.Interchange;
    try {
      interchange = edifact.parseInterchange(bytes);
    } catch (error) {
      await unlink(file).catch(() => undefined);
      this.state.received.push({ ...record, outcome: 'unreadable', errors: [error instanceof Error ? error.message : String(error)] });
      return;
    }
    const messages = edifact.allMessages(interchange);
    Object.assign(record, { types: messages.map((m) => m.type), controlRef: interchange.controlReference, sender: interchange.sender.id });
    if (messages.length > 0 && messages.every((m) => m.type === 'CONTRL')) {
      await unlink(file).catch(() => undefined);
      this.state.received.push({ ...record, outcome: 'acknowledgement' });
      for (const m of messages) this.noteAcknowledgement(name, m);
      return;
    }
    const operation = OPERATION_BY_TYPE[messages[0]?.type ?? ''] ?? 'unknown';
    const fault = this.faults.take(operation, 'before');
    if (fault?.kind === 'transient') {
      // The gateway is down: the file stays in the outbox and is collected on a later round.
      this.state.received.push({ ...record, outcome: 'deferred', fault: 'transient' });
      return;
    }
    await unlink(file).catch(() => undefined);
    record.fault = fault ? fault.kind : null;
    this.state.received.push(record);
    await this.handle(name, interchange, messages, record, fault);
  }

  private async handle(name: string, interchange: edifact.Interchange, messages: edifact.Message[], record: ReceivedFile, fault: Fault | undefined): Promise<void> {
    const now = new Date();
    const refuse = async (code: '7' | '11' | '17', element: number | undefined, why: string): Promise<void> => {
      record.outcome = 'refused';
      record.errors.push(why);
      const ref = await this.references.next('declarant');
      await this.answer('CONTRL', ref, refusal(interchange, code, element, ref, now), `refused: ${why}`);
    };
    if (fault?.kind === 'permanent') return refuse('17', undefined, 'no agreement (simulated permanent fault)');
    if (fault?.kind === 'auth') return refuse('11', 5, 'password invalid (simulated auth fault)');
    if (edifact.valueAt(interchange.header, 5) !== SIMULATED_PASSWORD) return refuse('11', 5, 'UNB S005 password is missing or wrong');
    if (interchange.recipient.id !== SIMULATED_AUTHORITY.id) return refuse('7', 2, `UNB recipient ${interchange.recipient.id} is not ${SIMULATED_AUTHORITY.id}`);

    const result = edifact.validateInterchange(interchange);
    const duplicate = await edifact.checkDuplicate(interchange, this.duplicates, now);
    if (duplicate) result.errors.push(duplicate);
    if (result.errors.length > 0) {
      record.outcome = 'refused';
      record.errors.push(...result.errors.map((e) => `${e.message} (syntax error ${e.syntaxError})`));
      const ref = await this.references.next('declarant');
      await this.answer('CONTRL', ref, contrlFor(interchange, result.errors, ref, now), `rejected: ${result.errors.length} syntax error(s)`);
      return;
    }
    const answers: Array<() => Promise<void>> = [];
    if (interchange.ackRequested) {
      const ref = await this.references.next('declarant');
      answers.push(() => this.answer('CONTRL', ref, contrlFor(interchange, [], ref, now), 'acknowledged'));
    }
    for (const message of messages) {
      const lodged = this.lodge(name, interchange, message);
      const response = this.responseFor(lodged, now);
      const ref = await this.references.next('declarant');
      answers.push(() => this.answer('CUSRES', ref, cusresInterchange(interchange, message, response, ref, now), response.status));
    }
    // After the effect: the declaration is lodged, the answer is lost.
    const after = this.faults.take(OPERATION_BY_TYPE[messages[0]!.type] ?? 'unknown', 'after');
    if (after || fault?.kind === 'reset') {
      record.fault = `${(after ?? fault)!.kind}${after ? ' (after effect)' : ''}: answer lost`;
      return;
    }
    if (fault?.kind === 'timeout') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void (async () => {
          for (const send of answers) await send();
        })();
      }, fault.delayMs ?? 1000);
      this.timers.add(timer);
      return;
    }
    for (const send of answers) await send();
  }

  private lodge(file: string, interchange: edifact.Interchange, message: edifact.Message): Lodged & { verdict: Verdict } {
    let verdict: Verdict;
    let reference = '';
    let kind: Lodged['kind'] = 'declaration';
    try {
      if (message.type === 'CUSCAR') {
        kind = 'manifest';
        const manifest = cuscarToManifest({ segments: message.segments, id: 'simulated' });
        reference = manifest.reference;
        const pieces = message.segments.find((s) => s.tag === 'CNT' && edifact.valueAt(s, 0) === '11');
        verdict = manifestVerdict(manifest, { ...(pieces ? { pieces: Number(edifact.valueAt(pieces, 0, 1)) } : {}) });
      } else {
        const declaration = cusdecToDeclaration({ segments: message.segments, id: 'simulated' });
        reference = declaration.references.lrn;
        verdict = declarationVerdict(declaration);
      }
    } catch (error) {
      // Syntactically fine but not a declaration the authority can read: a business rejection.
      const bgm = message.segments.find((s) => s.tag === 'BGM');
      reference = (bgm ? edifact.valueAt(bgm, 1) : '') || 'unknown';
      verdict = { status: 'rejected', errors: [{ code: 'R999', text: `the message cannot be read as a ${message.type}: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' }] };
    }
    const accepted = verdict.status !== 'rejected' && kind === 'declaration';
    const mrn = accepted ? `${new Date().getUTCFullYear() % 100}${SIMULATED_COUNTRY}SIM${String(++this.mrnCounter).padStart(11, '0')}` : null;
    const lodged = { kind, file, controlRef: interchange.controlReference, messageRef: message.reference, reference, status: verdict.status, mrn, errorCodes: verdict.errors.map((e) => e.code) };
    this.state.lodged.push(lodged);
    return { ...lodged, verdict };
  }

  private responseFor(lodged: Lodged & { verdict: Verdict }, now: Date): CustomsResponse {
    const response: CustomsResponse = {
      id: `simulated-${lodged.controlRef}`,
      declaration: { lrn: /^[A-Za-z0-9/-]{1,22}$/.test(lodged.reference) ? lodged.reference : 'UNKNOWN' },
      status: lodged.status,
      authority: { countryCode: SIMULATED_COUNTRY, system: SIMULATED_SYSTEM, officeCode: SIMULATED_OFFICE },
      errors: lodged.verdict.errors,
      issuedAt: now.toISOString(),
      receivedAt: now.toISOString(),
    };
    if (lodged.mrn) response.declaration.mrn = lodged.mrn;
    if (lodged.verdict.controlInstructions) response.controlInstructions = lodged.verdict.controlInstructions;
    return response;
  }

  private async answer(type: Answer['type'], ref: string, text: string, summary: string): Promise<void> {
    const name = `${type}_${SIMULATED_AUTHORITY.id}_${ref}.edi`;
    await writeFileAtomic(path.join(this.folders.inbox, name), edifact.toBytes(text));
    this.state.answers.push({ file: name, type, summary, at: new Date().toISOString() });
  }

  private noteAcknowledgement(file: string, message: edifact.Message): void {
    const uci = message.segments.find((s) => s.tag === 'UCI');
    const ack: Acknowledgement = { file, acknowledges: uci ? edifact.valueAt(uci, 0) : '', action: uci ? edifact.valueAt(uci, 3) : '' };
    this.state.acknowledgements.push(ack);
  }
}
