import type { DelegationCode } from '../domain/delegations';
import type { ClausePositions, Position } from '../domain/positions';
import type { ClauseKind } from '../domain/schema';
import { type ClauseStatus, contestingParties } from '../domain/status';
import { type Message, translate } from './i18n';
import type { Locale } from './locales';

/**
 * The words of the trade in every language, shared by the client, the exports and the server's
 * messages: delegations (the UN's official short names), the Chair, positions and statuses.
 * The English constants beside the domain rules (`DELEGATIONS`, `POSITION_LABELS`,
 * `STATUS_WORDS`) stay the source of the English wording the tests pin.
 */

/** Each delegation's name: the UN's official short name in each language; the Chair. */
const DELEGATION_NAMES = {
  US: /*i18n*/ { id: 'delegation.US', message: 'United States' },
  CA: /*i18n*/ { id: 'delegation.CA', message: 'Canada' },
  MX: /*i18n*/ { id: 'delegation.MX', message: 'Mexico' },
  SV: /*i18n*/ { id: 'delegation.SV', message: 'El Salvador' },
  GT: /*i18n*/ { id: 'delegation.GT', message: 'Guatemala' },
  CHAIR: /*i18n*/ { id: 'delegation.CHAIR', message: 'Chair' },
} as const satisfies Record<DelegationCode, Message>;

/**
 * A delegation as the one who did something ("locked by {who}"): "the Chair", "Mexico". Kept
 * apart from the name because French and Spanish put an article before some countries
 * («le Mexique», «les États-Unis d'Amérique») and the Chair («la Présidence»).
 */
const DELEGATION_AGENTS = {
  US: /*i18n*/ { id: 'delegation.agent.US', message: 'United States' },
  CA: /*i18n*/ { id: 'delegation.agent.CA', message: 'Canada' },
  MX: /*i18n*/ { id: 'delegation.agent.MX', message: 'Mexico' },
  SV: /*i18n*/ { id: 'delegation.agent.SV', message: 'El Salvador' },
  GT: /*i18n*/ { id: 'delegation.agent.GT', message: 'Guatemala' },
  CHAIR: /*i18n*/ { id: 'delegation.agent.CHAIR', message: 'the Chair' },
} as const satisfies Record<DelegationCode, Message>;

/** Each position as a button or a label says it. */
const POSITION_LABEL_MESSAGES = {
  agree: /*i18n*/ { id: 'position.agree', message: 'Agree' },
  agreeAdRef: /*i18n*/ { id: 'position.agreeAdRef', message: 'Agree ad ref.' },
  reserve: /*i18n*/ { id: 'position.reserve', message: 'Reserve' },
  object: /*i18n*/ { id: 'position.object', message: 'Object' },
} as const satisfies Record<Position, Message>;

/** Each position in a draft compilation's compact note, after the delegation's code. */
const POSITION_NOTE_MESSAGES = {
  agree: /*i18n*/ { id: 'position.note.agree', message: 'agree' },
  agreeAdRef: /*i18n*/ { id: 'position.note.agreeAdRef', message: 'agree ad ref.' },
  reserve: /*i18n*/ { id: 'position.note.reserve', message: 'reserve' },
  object: /*i18n*/ { id: 'position.note.object', message: 'object' },
} as const satisfies Record<Position, Message>;

/** The word of each status, alone, for counts, filters and legends. */
const STATUS_MESSAGES = {
  objected: /*i18n*/ { id: 'status.objected', message: 'Objection' },
  reserved: /*i18n*/ { id: 'status.reserved', message: 'Reserved' },
  bracketed: /*i18n*/ { id: 'status.bracketed', message: 'Bracketed' },
  open: /*i18n*/ { id: 'status.open', message: 'Open' },
  agreedAdRef: /*i18n*/ { id: 'status.agreedAdRef', message: 'Agreed ad ref.' },
  agreed: /*i18n*/ { id: 'status.agreed', message: 'Agreed' },
  locked: /*i18n*/ { id: 'status.locked', message: 'Locked' },
} as const satisfies Record<ClauseStatus, Message>;

const CONTESTED = {
  objecting: /*i18n*/ {
    id: 'status.objecting',
    message: '{count, plural, one {Objection: {codes}} other {Objections: {codes}}}',
  },
  reserving: /*i18n*/ {
    id: 'status.reserving',
    message: '{count, plural, one {Reserved: {codes}} other {Reserved: {codes}}}',
  },
} as const satisfies Record<string, Message>;

/**
 * The two parts of a communiqué and their paragraphs, as UN documents name them: Spanish
 * "Preámbulo / Parte dispositiva", French «Préambule / Dispositif» (French counts the
 * preamble's paragraphs as «alinéas»).
 */
const CLAUSE_KIND_MESSAGES = {
  preambular: /*i18n*/ { id: 'clauseKind.preambular', message: 'Preambular paragraph' },
  operative: /*i18n*/ { id: 'clauseKind.operative', message: 'Operative paragraph' },
} as const satisfies Record<ClauseKind, Message>;

const PART_MESSAGES = {
  preambular: /*i18n*/ { id: 'part.preambular', message: 'Preamble' },
  operative: /*i18n*/ { id: 'part.operative', message: 'Operative part' },
} as const satisfies Record<ClauseKind, Message>;

/** What one paragraph is: "Preambular paragraph", "Párrafo del preámbulo", «Alinéa du préambule». */
export function clauseKindName(kind: ClauseKind, locale: Locale): string {
  return translate(locale, CLAUSE_KIND_MESSAGES[kind]);
}

/** The part of the communiqué paragraphs of a kind form: "Preamble", "Parte dispositiva". */
export function partName(kind: ClauseKind, locale: Locale): string {
  return translate(locale, PART_MESSAGES[kind]);
}

/** A delegation's name in a language: "Estados Unidos de América", «États-Unis d'Amérique». */
export function delegationName(code: DelegationCode, locale: Locale): string {
  return translate(locale, DELEGATION_NAMES[code]);
}

/** A delegation as the one who acted: "the Chair", «la Présidence», «le Mexique». */
export function delegationAgent(code: DelegationCode, locale: Locale): string {
  return translate(locale, DELEGATION_AGENTS[code]);
}

/** A position as a button or label says it: "Agree ad ref.", "De acuerdo ad referéndum". */
export function positionLabel(position: Position, locale: Locale): string {
  return translate(locale, POSITION_LABEL_MESSAGES[position]);
}

/** A position in a compact note, lower case: "agree ad ref.", "se reserva". */
export function positionNoteWord(position: Position, locale: Locale): string {
  return translate(locale, POSITION_NOTE_MESSAGES[position]);
}

/** A status's word alone: "Objection", "Objeción", «Objection». */
export function statusWord(status: ClauseStatus, locale: Locale): string {
  return translate(locale, STATUS_MESSAGES[status]);
}

/**
 * A clause's status in words, naming who contests it ("Objection: SV · Reserved: MX",
 * "Objections: SV, GT"); other statuses by their word. `statusWords` in the language given.
 */
export function describeStatus(
  status: ClauseStatus,
  positions: ClausePositions,
  locale: Locale,
): string {
  if (status !== 'objected' && status !== 'reserved') return statusWord(status, locale);
  const { objecting, reserving } = contestingParties(positions);
  const parts: string[] = [];
  for (const [codes, message] of [
    [objecting, CONTESTED.objecting],
    [reserving, CONTESTED.reserving],
  ] as const) {
    if (codes.length > 0) {
      parts.push(translate(locale, message, { count: codes.length, codes: codes.join(', ') }));
    }
  }
  return parts.join(' · ');
}

/**
 * A list of names joined as each language does: "Canada, Mexico and Guatemala",
 * "Canadá, México y Guatemala", «Canada, Mexique et Guatemala» (no serial comma in English,
 * as the UN writes it).
 */
export function joinNames(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, {
    style: 'long',
    type: 'conjunction',
  }).format(names);
}
