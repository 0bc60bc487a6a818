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
export async function meResponse(
  storage: Storage,
  user: UserRecord,
  language: { locale: Locale; chosen: boolean },
): Promise<MeResponse> {
  const places = await storage.negotiations.membershipsOfUser(user.id);
  const negotiations = await Promise.all(
    places.map((membership) => storage.negotiations.byId(membership.negotiationId)),
  );
  const memberships = places.flatMap((membership, index) => {
    const negotiation = negotiations[index];
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
