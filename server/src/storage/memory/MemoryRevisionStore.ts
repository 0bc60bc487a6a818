import type { Result } from '@accord/shared/result';
import type {
  NewRevision,
  NewSilence,
  RevisionMeta,
  RevisionRecord,
  RevisionStore,
  SilenceEnd,
  SilenceRecord,
} from '../revisionStore';
import { startedSilence } from '../rows/revisionRows';

function metaOf(record: RevisionRecord): RevisionMeta {
  const { state: _state, contentJson: _contentJson, ...meta } = record;
  return meta;
}

/** Issued revisions and silence procedures in memory (tests; a model of the contract). */
export class MemoryRevisionStore implements RevisionStore {
  private readonly bases = new Map<string, string>();
  private readonly revisions: RevisionRecord[] = [];
  private readonly procedures: SilenceRecord[] = [];

  async symbolBase(documentId: string): Promise<string | null> {
    return this.bases.get(documentId) ?? null;
  }

  async setSymbolBase(documentId: string, base: string): Promise<void> {
    this.bases.set(documentId, base);
  }

  async issue(revision: NewRevision): Promise<Result<RevisionMeta, 'duplicateSymbol'>> {
    const own = this.revisions.filter((stored) => stored.documentId === revision.documentId);
    const number = own.length + 1;
    const symbol = revision.symbolFor(number);
    if (own.some((stored) => stored.symbol === symbol)) {
      return { ok: false, error: 'duplicateSymbol' };
    }
    const { symbolFor: _symbolFor, ...rest } = revision;
    const record: RevisionRecord = { ...rest, number, symbol, adoptedAt: null };
    this.revisions.push(record);
    return { ok: true, value: metaOf(record) };
  }

  async list(documentId: string): Promise<RevisionMeta[]> {
    return this.revisions.filter((stored) => stored.documentId === documentId).map(metaOf);
  }

  async byNumber(documentId: string, number: number): Promise<RevisionRecord | undefined> {
    const found = this.revisions.find(
      (stored) => stored.documentId === documentId && stored.number === number,
    );
    return found && { ...found };
  }

  async byId(id: string): Promise<RevisionRecord | undefined> {
    const found = this.revisions.find((stored) => stored.id === id);
    return found && { ...found };
  }

  async startSilence(silence: NewSilence): Promise<Result<SilenceRecord, 'running'>> {
    if (await this.runningSilence(silence.documentId)) return { ok: false, error: 'running' };
    const record = startedSilence(silence);
    this.procedures.push(record);
    return { ok: true, value: { ...record } };
  }

  async runningSilence(documentId: string): Promise<SilenceRecord | undefined> {
    const found = this.procedures.find(
      (stored) => stored.documentId === documentId && stored.state === 'running',
    );
    return found && { ...found };
  }

  async latestSilence(documentId: string): Promise<SilenceRecord | undefined> {
    const found = this.procedures.filter((stored) => stored.documentId === documentId).at(-1);
    return found && { ...found };
  }

  async allRunning(): Promise<SilenceRecord[]> {
    return this.procedures.filter((stored) => stored.state === 'running').map((p) => ({ ...p }));
  }

  async endSilence(id: string, end: SilenceEnd): Promise<boolean> {
    const found = this.procedures.find((stored) => stored.id === id);
    if (found === undefined || found.state !== 'running') return false;
    found.state = end.state;
    found.endedAt = end.at;
    if (end.state === 'broken') {
      found.brokenBy = end.brokenBy;
      found.brokenDelegation = end.delegation;
      found.reason = end.reason;
    } else {
      const revision = this.revisions.find((stored) => stored.id === found.revisionId);
      if (revision && revision.adoptedAt === null) revision.adoptedAt = end.at;
    }
    return true;
  }
}
