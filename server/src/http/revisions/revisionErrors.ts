import type { Message } from '@accord/shared/i18n/i18n';

/** The words of the revision routes' own refusals (SPEC W1); commands have theirs in the table. */
export const REVISION_ERRORS = {
  noRevision: /*i18n*/ {
    id: 'revision.noRevision',
    message: 'This draft has no {revision}.',
  },
  noComments: /*i18n*/ {
    id: 'revision.noComments',
    message: 'A revision is exported without comments.',
  },
  notAdopted: /*i18n*/ {
    id: 'revision.notAdopted',
    message: '{revision} has not been adopted: only an adopted revision has a final text.',
  },
} as const satisfies Record<string, Message>;
