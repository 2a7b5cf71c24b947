// Walks a message's segments through its segment table: order, groups, repetitions and mandatory entries.
import type { TableNode } from './directory/types';
import type { EdifactErrorInit } from './errors';
import { SyntaxErrorCode } from './errors';
import type { Segment } from './segment';

interface Frame {
  nodes: TableNode[];
  /** Entry reached so far; entries before it can no longer take segments. */
  index: number;
  /** Occurrences per entry; only the first `nodes.length` slots are meaningful (frames are reused). */
  counts: Int32Array;
  /** The group this frame is inside (undefined for the message level). */
  group: TableNode | undefined;
}

/** A table problem, positioned at a segment; `missing` problems sit at the last segment before the gap. */
export type TableProblem = Omit<EdifactErrorInit, 'byteOffset'> & { at: Segment | undefined };

export class TableWalker {
  private readonly stack: Frame[];
  /** Frames kept per depth for reuse: groups open and close for every repetition. */
  private readonly spare: Frame[] = [];
  private previous: Segment | undefined;

  constructor(
    root: TableNode[],
    private readonly messageName: string,
    private readonly knownTags: Set<string>,
    private readonly report: (problem: TableProblem) => void,
  ) {
    this.stack = [{ nodes: root, index: 0, counts: new Int32Array(root.length), group: undefined }];
  }

  place(segment: Segment): void {
    const tag = segment.tag;
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const entry = this.find(this.stack[depth]!, tag, true);
      if (entry >= 0) {
        this.enter(depth, entry);
        this.previous = segment;
        return;
      }
    }
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const frame = this.stack[depth]!;
      const entry = this.find(frame, tag, false);
      if (entry >= 0) {
        const node = frame.nodes[entry]!;
        const isGroup = node.kind === 'group';
        this.report({
          code: isGroup ? 'TOO_MANY_GROUP_REPETITIONS' : 'TOO_MANY_SEGMENT_REPETITIONS',
          syntaxError: isGroup ? SyntaxErrorCode.TOO_MANY_GROUP_REPETITIONS : SyntaxErrorCode.TOO_MANY_SEGMENT_REPETITIONS,
          detail: `${this.describe(node)} occurs more than ${node.max} time${node.max === 1 ? '' : 's'}${this.within(frame)}`,
          hint: `send at most ${node.max}`,
          segmentNumber: segment.index,
          segmentTag: tag,
          at: segment,
        });
        this.enter(depth, entry);
        this.previous = segment;
        return;
      }
    }
    const known = this.knownTags.has(tag);
    this.report({
      code: 'SEGMENT_NOT_ALLOWED',
      syntaxError: SyntaxErrorCode.NOT_SUPPORTED_IN_POSITION,
      detail: known
        ? `segment ${tag} is not allowed here in ${this.messageName}${this.previous ? ` (after ${this.previous.tag})` : ''}`
        : `segment ${tag} is not part of ${this.messageName}`,
      hint: known ? 'check the segment order against the segment table' : 'remove it or use the message version that defines it',
      segmentNumber: segment.index,
      segmentTag: tag,
      at: segment,
    });
    this.previous = segment;
  }

  /** Ends the message; `expectTrailer` false when UNT never came (reported elsewhere). */
  finish(expectTrailer: boolean): void {
    while (this.stack.length > 0) this.close(this.stack.pop()!, expectTrailer);
  }

  private find(frame: Frame, tag: string, open: boolean): number {
    const nodes = frame.nodes;
    for (let k = frame.index; k < nodes.length; k++) {
      const node = nodes[k]!;
      if (node.trigger === tag && (!open || frame.counts[k]! < node.max)) return k;
    }
    return -1;
  }

  private enter(depth: number, entry: number): void {
    while (this.stack.length - 1 > depth) this.close(this.stack.pop()!, true);
    const frame = this.stack[depth]!;
    this.reportMissing(frame, entry, true);
    frame.index = entry;
    frame.counts[entry]!++;
    const node = frame.nodes[entry]!;
    if (node.kind === 'group') {
      const depthOfGroup = this.stack.length;
      const size = node.children.length;
      let child = this.spare[depthOfGroup];
      if (!child || child.counts.length < size) {
        child = { nodes: node.children, index: 0, counts: new Int32Array(Math.max(size, 16)), group: node };
        this.spare[depthOfGroup] = child;
      }
      child.nodes = node.children;
      child.group = node;
      child.index = 0;
      child.counts.fill(0, 0, size);
      child.counts[0] = 1;
      this.stack.push(child);
    }
  }

  private close(frame: Frame, expectTrailer: boolean): void {
    this.reportMissing(frame, frame.nodes.length, expectTrailer);
  }

  private reportMissing(frame: Frame, upTo: number, expectTrailer: boolean): void {
    for (let k = frame.index; k < upTo; k++) {
      const node = frame.nodes[k]!;
      if (!node.mandatory || frame.counts[k]! > 0) continue;
      if (!expectTrailer && node.name === 'UNT') continue;
      const after = this.previous;
      this.report({
        code: 'MISSING_SEGMENT',
        syntaxError: SyntaxErrorCode.MISSING,
        detail: `mandatory ${this.describe(node)} is missing${this.within(frame)}${after ? ` (expected after ${after.tag})` : ''}`,
        hint: `send ${node.trigger} at this position`,
        segmentNumber: after?.index,
        segmentTag: after?.tag,
        at: after,
      });
    }
  }

  private describe(node: TableNode): string {
    return node.kind === 'group' ? `segment group ${node.name.slice(2)} (${node.trigger})` : `segment ${node.name}`;
  }

  private within(frame: Frame): string {
    return frame.group ? ` in segment group ${frame.group.name.slice(2)} of ${this.messageName}` : ` in ${this.messageName}`;
  }
}
