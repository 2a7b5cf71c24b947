// The shapes of message definitions kept as data: segment tables, segments, composites and element formats.

/**
 * One line of a segment table: `'TAG S R'`, e.g. `'BGM M 1'` (status M/C, maximum repeats).
 * A segment group is an array whose first item is its own line `'SGn S R'`, followed by its entries
 * (the first entry is the group's trigger segment), exactly as the UN segment tables nest them.
 */
export type TableEntry = string | TableGroup;
export type TableGroup = [string, ...TableEntry[]];

/** The segments, composites and simple data elements of one directory (D96B) or syntax version (SYNTAX4). */
export interface SegmentDictionary {
  kind: 'segments';
  /** What message definitions name in `segmentDictionary`, e.g. 'D96B' or 'SYNTAX4'. */
  id: string;
  /** Where the facts come from, e.g. "UNTDID D.96B TRSD". */
  source: string;
  /** Simple data elements: id → representation (`an..35`, `n..15`, `a3`, …). */
  elements: Record<string, string>;
  /** Composites: id → components as `'M 2005'` / `'C 2380'` (status, element id). */
  composites: Record<string, string[]>;
  /** Segments: tag → data elements as `'M C507'`, `'C 1225'`, `'C C956 x5'` (x: repetitions, syntax 4). */
  segments: Record<string, string[]>;
}

/** A message type's segment table for one version/release/agency. */
export interface MessageDefinition {
  kind: 'message';
  type: string;
  version: string;
  release: string;
  agency: string;
  title: string;
  source: string;
  /** Dictionary of the message's own segments; UNH/UNT/UNS always come from the interchange's syntax version. */
  segmentDictionary: string;
  table: TableEntry[];
}

export type DirectoryDefinition = SegmentDictionary | MessageDefinition;

/** A data element representation: a (alphabetic), n (numeric), an (alphanumeric) with length bounds. */
export interface Format {
  type: 'a' | 'n' | 'an';
  min: number;
  max: number;
  text: string;
}

export interface ComponentSpec {
  id: string;
  mandatory: boolean;
  format: Format;
}

export interface ElementSpec {
  id: string;
  mandatory: boolean;
  /** Allowed occurrences (syntax 4 repetition); 1 for most elements. */
  repeat: number;
  /** Set for simple data elements. */
  format?: Format;
  /** Set for composites. */
  components?: ComponentSpec[];
}

export interface SegmentSpec {
  tag: string;
  elements: ElementSpec[];
}

export interface TableNode {
  kind: 'segment' | 'group';
  /** Segment tag, or 'SG4' for a group. */
  name: string;
  /** The tag that opens this entry: the segment itself, or a group's first segment. */
  trigger: string;
  mandatory: boolean;
  max: number;
  /** Group entries (the trigger segment first); empty for segments. */
  children: TableNode[];
}

export interface CompiledMessage {
  definition: MessageDefinition;
  root: TableNode[];
  /** Every tag the table mentions, to tell "wrong place" from "not in this message". */
  tags: Set<string>;
}
