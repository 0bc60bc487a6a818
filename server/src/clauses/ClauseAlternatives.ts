import { randomUUID } from 'node:crypto';
import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import {
  type ClauseAlternative,
  type ClauseMeta,
  emptyClauseMeta,
} from '@accord/shared/domain/clauseMeta';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import {
  type AlternativeError,
  metaWithAlternative,
  metaWithoutAlternative,
  settleAlternatives,
} from './alternativeChanges';
import type { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';
import type { ClauseAuthor } from './clauseMetaChanges';

/** Why a clause command failed. */
export type ClauseCommandError = 'unknownClause' | 'storageFailed' | AlternativeError;

/** The outcome of a clause command. */
export type ClauseCommandResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: ClauseCommandError };

/** What the alternative commands need from their document. */
export interface ClauseAlternativesOptions {
  index: ClauseIndex;
  store: ClauseMetaStore;
  history: ClauseHistoryRecorder;
  now: () => number;
}

/**
 * The alternative wordings of a draft's clauses (A1–A3): proposed, withdrawn, chosen. Each
 * command checks the clause is in the draft, computes the new meta with the pure rules
 * (`alternativeChanges`), writes it through the `ClauseMetaStore` and records the event in the
 * clause's history.
 */
export class ClauseAlternatives {
  constructor(private readonly options: ClauseAlternativesOptions) {}

  /** Adds an alternative wording to a clause, attributed to its author's delegation. */
  async proposeAlternative(
    clauseId: string,
    author: ClauseAuthor,
    text: string,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    const current = this.options.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const at = this.options.now();
    const alternative = {
      id: randomUUID(),
      text,
      delegation: author.delegation,
      userId: author.userId,
      at,
    };
    const next = metaWithAlternative(this.metaOf(clauseId, current), alternative);
    if (!next.ok) return next;
    const written = await this.writeMeta(clauseId, next.value);
    if (written.ok) {
      await this.recordEvent(clauseId, current, author, {
        kind: 'alternativeProposed',
        alternative,
      });
    }
    return written;
  }

  /** Takes an alternative off the table; `may` says whether the actor may withdraw it. */
  async withdrawAlternative(
    clauseId: string,
    alternativeId: string,
    author: ClauseAuthor,
    may: (alternative: ClauseAlternative) => boolean,
  ): Promise<ClauseCommandResult<ClauseMeta> | { ok: false; error: 'forbidden' }> {
    const current = this.options.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const next = metaWithoutAlternative(this.metaOf(clauseId, current), alternativeId);
    if (!next.ok) return next;
    if (!may(next.value.alternative)) return { ok: false, error: 'forbidden' };
    const written = await this.writeMeta(clauseId, next.value.meta);
    if (written.ok) {
      await this.recordEvent(clauseId, current, author, {
        kind: 'alternativeWithdrawn',
        alternative: next.value.alternative,
      });
    }
    return written;
  }

  /**
   * The alternative a moderator may choose (null: keep the text), checked before the text is
   * written; then `settleAlternatives` clears them and records the choice.
   */
  alternativeToChoose(
    clauseId: string,
    alternativeId: string | null,
  ): ClauseCommandResult<ClauseAlternative | null> {
    const current = this.options.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const settled = settleAlternatives(this.metaOf(clauseId, current), alternativeId);
    if (!settled.ok) return settled;
    return { ok: true, value: settled.value.chosen };
  }

  /**
   * Clears a clause's alternatives once the chosen one's text is in (or the text stands) and
   * records the choice and the wordings set aside in its history.
   */
  async settleAlternatives(
    clauseId: string,
    alternativeId: string | null,
    author: ClauseAuthor,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    const current = this.options.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const meta = this.metaOf(clauseId, current);
    const settled = settleAlternatives(meta, alternativeId);
    if (!settled.ok) return settled;
    const written = await this.writeMeta(clauseId, { ...meta, alternatives: [] });
    if (written.ok) {
      await this.recordEvent(clauseId, current, author, {
        kind: 'alternativeChosen',
        ...settled.value,
      });
    }
    return written;
  }

  /** A clause's meta, or an empty one for its current text. */
  private metaOf(clauseId: string, text: string): ClauseMeta {
    return this.options.store.read(clauseId) ?? emptyClauseMeta(clauseTextHash(text));
  }

  private async writeMeta(
    clauseId: string,
    meta: ClauseMeta,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    const written = await this.options.store.write(new Map([[clauseId, meta]]));
    return written.ok ? { ok: true, value: meta } : { ok: false, error: 'storageFailed' };
  }

  /** A history entry for something other than typing; the text stays as it is. */
  private recordEvent(
    clauseId: string,
    text: string,
    author: ClauseAuthor,
    event: ClauseHistoryEvent,
  ): Promise<void> {
    // Not tied to an update of the log: the meta write that goes with it is the server's.
    return this.options.history.record({
      clauseId,
      textBefore: text,
      textAfter: text,
      author,
      seq: 0,
      at: this.options.now(),
      event,
    });
  }
}
