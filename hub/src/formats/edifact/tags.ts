// One shared string object per segment tag: tags from data and from definitions then compare by identity.

const table = new Map<string, string>();

/** The canonical string for a tag; the table only grows with distinct tags (bounded for garbage input). */
export function internTag(tag: string): string {
  const known = table.get(tag);
  if (known !== undefined) return known;
  if (table.size < 4096) table.set(tag, tag);
  return tag;
}
