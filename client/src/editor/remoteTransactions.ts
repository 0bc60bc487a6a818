import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Whether a transaction came out of Yjs (a remote edit, the initial render, or a Yjs undo)
 * rather than from this person's keyboard. Such transactions mirror shared state; rewriting
 * them locally would fight the other clients.
 */
export function isFromYjs(transaction: Transaction): boolean {
  const meta: unknown = transaction.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta
    ? meta.isChangeOrigin === true
    : false;
}
