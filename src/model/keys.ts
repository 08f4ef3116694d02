// Short, stable keys for ids in the resume state. Keys come from the id alone,
// so saved progress survives reordering and added or removed content; the
// build refuses two ids that would share a key.

export const KEY_LENGTH = 3;
const KEY_SPACE = 36 ** KEY_LENGTH;

/** FNV-1a (32 bit) over UTF-16 code units, folded into three base-36 digits. */
export function resumeKey(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % KEY_SPACE).toString(36).padStart(KEY_LENGTH, '0');
}

export function keyCollisions(ids: readonly string[]): Array<[string, string]> {
  const byKey = new Map<string, string>();
  const clashes: Array<[string, string]> = [];
  for (const id of ids) {
    const key = resumeKey(id);
    const other = byKey.get(key);
    if (other !== undefined && other !== id) clashes.push([other, id]);
    else byKey.set(key, id);
  }
  return clashes;
}
