import type { Locale } from '@accord/shared/i18n/locales';
import type { MeResponse, UserView } from '@accord/shared/protocol/api';
import type { Storage, UserRecord } from '../../storage/storage';

/** A user as the API shows them (never the password hash). */
export function userView(user: UserRecord): UserView {
  return { id: user.id, username: user.username, displayName: user.displayName };
}

/**
 * The signed-in user, their places in negotiations and the language to speak to them
 * (`requestLocale`: their choice, else their browser's).
 */
export function meResponse(
  storage: Storage,
  user: UserRecord,
  language: { locale: Locale; chosen: boolean },
): MeResponse {
  const memberships = storage.negotiations.membershipsOfUser(user.id).flatMap((membership) => {
    const negotiation = storage.negotiations.byId(membership.negotiationId);
    if (negotiation === undefined) return [];
    return [
      {
        negotiationId: negotiation.id,
        negotiationTitle: negotiation.title,
        delegation: membership.delegation,
        role: membership.role,
      },
    ];
  });
  return {
    user: userView(user),
    memberships,
    locale: language.locale,
    localeChosen: language.chosen,
  };
}
