import type { SilenceProcedureView } from '@accord/shared/revisions/silence';
import type { SilenceRecord, Storage } from '../storage/storage';

/** A member's name now, for views of what they did; someone since removed is "a former member". */
export function displayName(storage: Storage, userId: string): string {
  return storage.users.byId(userId)?.displayName ?? 'A former member';
}

/** A silence procedure as the API shows it. */
export function silenceView(storage: Storage, silence: SilenceRecord): SilenceProcedureView {
  const revision = storage.revisions.byId(silence.revisionId);
  return {
    id: silence.id,
    documentId: silence.documentId,
    revisionNumber: revision?.number ?? 0,
    revisionSymbol: revision?.symbol ?? '',
    state: silence.state,
    startedBy: { userId: silence.startedBy, displayName: displayName(storage, silence.startedBy) },
    startedAt: silence.startedAt,
    deadline: silence.deadline,
    endedAt: silence.endedAt,
    brokenBy:
      silence.brokenBy === null
        ? null
        : {
            userId: silence.brokenBy,
            displayName: displayName(storage, silence.brokenBy),
            delegation: silence.brokenDelegation ?? 'CHAIR',
          },
    reason: silence.reason,
  };
}
