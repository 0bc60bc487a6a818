import type { SilenceProcedureView } from '@accord/shared/revisions/silence';
import type { SilenceRecord, Storage } from '../storage/storage';

/** A member's name now, for views of what they did; someone since removed is "a former member". */
export async function displayName(storage: Storage, userId: string): Promise<string> {
  return (await storage.users.byId(userId))?.displayName ?? 'A former member';
}

/** A silence procedure as the API shows it. */
export async function silenceView(
  storage: Storage,
  silence: SilenceRecord,
): Promise<SilenceProcedureView> {
  const [revision, startedBy, brokenBy] = await Promise.all([
    storage.revisions.byId(silence.revisionId),
    displayName(storage, silence.startedBy),
    silence.brokenBy === null ? null : displayName(storage, silence.brokenBy),
  ]);
  return {
    id: silence.id,
    documentId: silence.documentId,
    revisionNumber: revision?.number ?? 0,
    revisionSymbol: revision?.symbol ?? '',
    state: silence.state,
    startedBy: { userId: silence.startedBy, displayName: startedBy },
    startedAt: silence.startedAt,
    deadline: silence.deadline,
    endedAt: silence.endedAt,
    brokenBy:
      silence.brokenBy === null || brokenBy === null
        ? null
        : {
            userId: silence.brokenBy,
            displayName: brokenBy,
            delegation: silence.brokenDelegation ?? 'CHAIR',
          },
    reason: silence.reason,
  };
}
