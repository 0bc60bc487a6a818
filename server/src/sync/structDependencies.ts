import * as Y from 'yjs';

/**
 * The ids a decoded struct needs before Yjs can integrate it: its left and right origins and,
 * when written out, its parent. A decoded item's parent is a root type's name (string), an ID,
 * or null (then it is taken from the origin).
 */
export function dependenciesOf(struct: Y.Item | Y.GC): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const ids: Y.ID[] = [];
  if (struct.origin !== null) ids.push(struct.origin);
  if (struct.rightOrigin !== null) ids.push(struct.rightOrigin);
  const parent: unknown = struct.parent;
  if (parent instanceof Y.ID) ids.push(parent);
  return ids;
}
