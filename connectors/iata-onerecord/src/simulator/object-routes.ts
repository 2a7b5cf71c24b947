// Logistics objects on the simulated server: create (201 + Location, 409 for an existing @id), read
// (revision headers, embedded=true, at=<time>), change requests decided on a timer, and the audit trail.
import { LinkedGraph } from '../jsonld/graph';
import { expandDocument } from '../jsonld/json-ld';
import { api, cargo, CARGO, LOGISTICS_OBJECT_CLASSES } from '../vocabulary';
import type { SimAnswer, SimRequest } from './answers';
import { failure } from './answers';
import { applyOperations, ChangeConflict, parseChange } from './change-apply';
import type { Notifier } from './notifier';
import { withRevision } from './render';
import type { SimulatorSettings } from './settings';
import type { ActionRequest, ExpandedTree, OneRecordStore, StoredObject } from './store';
import { isEmbeddedNode } from './store';

export class ObjectRoutes {
  constructor(
    private readonly store: OneRecordStore,
    private readonly settings: () => SimulatorSettings,
    private readonly notifier: Notifier,
    private readonly embeddedPrefix: () => string,
  ) {}

  async create(request: SimRequest, json: unknown): Promise<SimAnswer> {
    if (json !== null && typeof json === 'object' && '@graph' in json) return failure(400, 'Invalid logistics object', 'the body must hold one logistics object, not a @graph');
    const nodes = await expandDocument(json, { base: this.store.base, what: 'the logistics object' });
    const node = nodes[0];
    if (nodes.length !== 1 || node === undefined) return failure(400, 'Invalid logistics object', `the body must hold exactly one logistics object, found ${nodes.length}`);
    const type = LOGISTICS_OBJECT_CLASSES.find((name) => (node['@type'] ?? []).includes(cargo(name)));
    if (type === undefined) return failure(400, 'Invalid logistics object', `@type ${(node['@type'] ?? []).join(', ') || '(none)'} is not a logistics object class of the cargo ontology`);
    const proposed = node['@id'];
    if (proposed !== undefined && !this.store.isObjectIri(proposed)) return failure(400, 'Invalid logistics object URI', `@id ${proposed} is not of the form ${this.store.base}logistics-objects/{id}`, { resource: proposed });
    const iri = proposed ?? this.store.objectIri();
    if (this.store.objects.has(iri)) return failure(409, 'Logistics object exists', `a logistics object with @id ${iri} already exists`, { resource: iri });
    this.store.create(iri, type, this.store.assignEmbeddedIds({ ...node, '@id': iri }));
    this.notifier.publish({ eventType: 'LOGISTICS_OBJECT_CREATED', object: iri, objectType: cargo(type) });
    return { status: 201, headers: { location: iri, type: cargo(type) } };
  }

  get(request: SimRequest, iri: string): SimAnswer {
    const stored = this.store.objects.get(iri);
    if (stored === undefined) return failure(404, 'Logistics object not found', `no logistics object ${iri}`, { resource: iri });
    const at = request.url.searchParams.get('at');
    const version = at === null ? { revision: stored.revision, node: stored.node } : historical(stored, at);
    if (version === undefined) return failure(400, 'Invalid at parameter', `at=${at} must be a time YYYYMMDDThhmmssZ not before the object existed`);
    let tree = withRevision(version.node, version.revision, stored.revision, this.settings());
    if (request.url.searchParams.get('embedded') === 'true') tree = this.embedLinked(tree);
    return {
      status: 200,
      tree,
      headers: { type: cargo(stored.type), revision: String(version.revision), 'latest-revision': String(stored.revision), 'last-modified': new Date(stored.lastModified).toUTCString() },
    };
  }

  /** One level of linked objects on this server replaced by their content (embedded=true). */
  private embedLinked(tree: ExpandedTree): ExpandedTree {
    const copy: ExpandedTree = {};
    for (const [key, value] of Object.entries(tree)) {
      copy[key] = !Array.isArray(value)
        ? value
        : value.map((item) => {
            const id = (item as { '@id'?: unknown })['@id'];
            const linked = typeof id === 'string' && !isEmbeddedNode(item) ? this.store.objects.get(id) : undefined;
            return linked === undefined ? item : linked.node;
          });
    }
    return copy;
  }

  async change(request: SimRequest, iri: string, json: unknown): Promise<SimAnswer> {
    const stored = this.store.objects.get(iri);
    if (stored === undefined) return failure(404, 'Logistics object not found', `no logistics object ${iri}`, { resource: iri });
    const parsed = parseChange(await LinkedGraph.from(json, { base: this.store.base, what: 'the change' }), iri);
    if (typeof parsed === 'string') return failure(400, 'Invalid change', parsed, { resource: iri });
    const changeRequest = this.store.newActionRequest({ kind: 'ChangeRequest', requestedBy: request.agent, object: iri, change: { operations: parsed.operations }, revision: parsed.revision });
    stored.actionRequests.push(changeRequest.iri);
    // Decided later, as NE:ONE does on a timer: the client has to follow the action request.
    setTimeout(() => this.decide(changeRequest), this.settings().changeRequestDelayMs).unref();
    return { status: 201, headers: { location: changeRequest.iri, type: api('ChangeRequest') } };
  }

  /** The data holder's decision on a pending change request, per the simulator's policy. */
  decide(changeRequest: ActionRequest, forced?: 'REQUEST_ACCEPTED' | 'REQUEST_REJECTED'): void {
    const stored = changeRequest.object === undefined ? undefined : this.store.objects.get(changeRequest.object);
    if (stored === undefined || changeRequest.status !== 'REQUEST_PENDING') return;
    const settings = this.settings();
    if (settings.interveneBeforeNextChange) {
      settings.interveneBeforeNextChange = false;
      this.store.commit(stored, { ...stored.node, [`${CARGO}textualHandlingInstructions`]: [{ '@value': 'Changed by another party meanwhile' }] });
    }
    const policy = forced ?? settings.changeRequestPolicy;
    if (policy === 'hold') return;
    if (policy === 'reject' || policy === 'REQUEST_REJECTED') return reject(changeRequest, 'Change rejected', 'the data owner rejected the change');
    if (policy === 'fail') {
      changeRequest.status = 'REQUEST_FAILED';
      changeRequest.errors.push({ title: 'Change failed', message: 'the server could not apply the change right now (simulated failure)' });
      return;
    }
    if (changeRequest.revision !== stored.revision) {
      return reject(changeRequest, 'Stale revision', `the change was made against revision ${changeRequest.revision}, but ${stored.iri} is at revision ${stored.revision}; read it again and send the change for the latest revision`);
    }
    try {
      const operations = (changeRequest.change as { operations: Parameters<typeof applyOperations>[1] }).operations;
      const applied = applyOperations(stored.node, operations, this.embeddedPrefix());
      this.store.commit(stored, applied.node);
      this.store.effects.changesApplied += 1;
      changeRequest.status = 'REQUEST_ACCEPTED';
      this.notifier.publish({ eventType: 'LOGISTICS_OBJECT_UPDATED', object: stored.iri, objectType: cargo(stored.type), changed: applied.changed, triggeredBy: changeRequest.iri });
    } catch (error) {
      if (!(error instanceof ChangeConflict)) throw error;
      reject(changeRequest, 'Change not applicable', error.message);
    }
  }

  auditTrail(request: SimRequest, iri: string): SimAnswer {
    const stored = this.store.objects.get(iri);
    if (stored === undefined) return failure(404, 'Logistics object not found', `no logistics object ${iri}`, { resource: iri });
    const from = request.url.searchParams.get('updated-from');
    const to = request.url.searchParams.get('updated-to');
    const requests = stored.actionRequests
      .map((id) => this.store.actionRequests.get(id))
      .filter((r): r is ActionRequest => r !== undefined && (from === null || r.requestedAt >= parseTime(from)) && (to === null || r.requestedAt <= parseTime(to)));
    return {
      status: 200,
      tree: {
        '@id': `${iri}/audit-trail`,
        '@type': [api('AuditTrail')],
        [api('hasLatestRevision')]: [{ '@value': stored.revision, '@type': 'http://www.w3.org/2001/XMLSchema#positiveInteger' }],
        [api('hasChangeRequest')]: requests.map((r) => ({ '@id': r.iri })),
      },
    };
  }
}

function reject(changeRequest: ActionRequest, title: string, message: string): void {
  changeRequest.status = 'REQUEST_REJECTED';
  changeRequest.errors.push({ title, message });
}

/** `20250314T094700Z` or an RFC 3339 time → ISO string for comparison. */
export function parseTime(value: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z` : value;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

function historical(stored: StoredObject, at: string): { revision: number; node: ExpandedTree } | undefined {
  const when = parseTime(at);
  if (when === '') return undefined;
  const found = [...stored.history].reverse().find((entry) => entry.at <= when);
  return found === undefined ? undefined : { revision: found.revision, node: found.node };
}
