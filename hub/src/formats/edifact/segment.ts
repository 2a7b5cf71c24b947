// The segment shape every part of the engine shares: tag, elements of components, position in the stream.

export interface Segment {
  /** Segment tag, e.g. UNH. */
  tag: string;
  /** Data elements after the tag; each is its list of components, release characters already removed. */
  elements: string[][];
  /**
   * Syntax version 4 repetitions: element index (0-based) → every occurrence, the first included.
   * Absent when no element of the segment repeats; `elements[i]` always holds the first occurrence.
   */
  repetitions?: Record<number, string[][]>;
  /** 1-based position in the interchange: UNB is 1 (UNA is a string advice, not a segment). */
  index: number;
  /** Byte offset of the segment's first character in the received stream. */
  offset: number;
}

/** A segment to write: what a caller gives the generator (positions are assigned when written). */
export interface SegmentInput {
  tag: string;
  elements: ReadonlyArray<ReadonlyArray<string> | string>;
  repetitions?: Record<number, ReadonlyArray<ReadonlyArray<string>>>;
}

/** First component of an element, or '' when absent: the usual way to read simple data elements. */
export function valueAt(segment: Pick<Segment, 'elements'>, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}
