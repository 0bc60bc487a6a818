import { readClauses } from '@accord/shared/domain/clauseNodes';
import type * as Y from 'yjs';

/** Every clause's number now (PP2, OP3…) by id; walks the draft once. */
export function clauseLabels(doc: Y.Doc): Map<string, string> {
  const labels = new Map<string, string>();
  for (const clause of readClauses(doc)) {
    if (clause.id !== null && !labels.has(clause.id)) labels.set(clause.id, clause.label);
  }
  return labels;
}

/** A clause's number now (PP2, OP3…), or "This clause" when it is not in the draft. */
export function clauseLabel(doc: Y.Doc, clauseId: string): string {
  return clauseLabels(doc).get(clauseId) ?? 'This clause';
}
