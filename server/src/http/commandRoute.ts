import type { Result } from '@accord/shared/result';
import type {
  CommandContext,
  DocumentCommandContext,
  MemberActor,
} from '../commands/CommandContext';
import type { CommandError } from '../commands/CommandError';
import { describeCommandError } from '../commands/commandErrorTable';
import type {
  DocumentRecord,
  MembershipRecord,
  NegotiationRecord,
  UserRecord,
} from '../storage/storage';
import type { AppDeps } from './context';
import { ApiError } from './errors';

/**
 * The HTTP error of a refused command, from the one table (`commandErrorTable`), worded in the
 * requester's language when the error is answered.
 */
export function commandApiError(error: CommandError): ApiError {
  const { api } = describeCommandError(error);
  return new ApiError(api, (locale) => describeCommandError(error, locale).message);
}

/** A command's value, or its refusal thrown as the API error the error handler answers. */
export function commandValue<T>(result: Result<T, CommandError>): T {
  if (!result.ok) throw commandApiError(result.error);
  return result.value;
}

function memberActor(user: UserRecord, membership: MembershipRecord): MemberActor {
  return { kind: 'member', userId: user.id, membership };
}

/** The context of a command a member runs on a negotiation. */
export function negotiationCommandContext(
  deps: AppDeps,
  user: UserRecord,
  access: { negotiation: NegotiationRecord; membership: MembershipRecord },
): CommandContext<MemberActor> {
  return {
    actor: memberActor(user, access.membership),
    access: { negotiation: access.negotiation, document: null },
    documents: deps.sync,
    storage: deps.storage,
    audit: deps.audit,
    now: deps.now ?? Date.now,
  };
}

/** The context of a command a member runs on a draft (`requireDocumentMember` gives `access`). */
export function documentCommandContext(
  deps: AppDeps,
  user: UserRecord,
  access: {
    negotiation: NegotiationRecord;
    document: DocumentRecord;
    membership: MembershipRecord;
  },
): DocumentCommandContext {
  return {
    ...negotiationCommandContext(deps, user, access),
    access: { negotiation: access.negotiation, document: access.document },
  };
}
