/** The parties to a negotiation: the five national delegations and the Chair. */
export const DELEGATIONS = {
  US: { code: 'US', name: 'United States', colour: '#1f4e9c', flag: '🇺🇸' },
  CA: { code: 'CA', name: 'Canada', colour: '#c8102e', flag: '🇨🇦' },
  MX: { code: 'MX', name: 'Mexico', colour: '#00704a', flag: '🇲🇽' },
  SV: { code: 'SV', name: 'El Salvador', colour: '#0f6fb5', flag: '🇸🇻' },
  GT: { code: 'GT', name: 'Guatemala', colour: '#3a9fd6', flag: '🇬🇹' },
  CHAIR: { code: 'CHAIR', name: 'Chair', colour: '#6b4fa0', flag: '⚖️' },
} as const;

/** A delegation's code, such as `MX` or `CHAIR`. */
export type DelegationCode = keyof typeof DELEGATIONS;

/** Static facts about one delegation. */
export type Delegation = (typeof DELEGATIONS)[DelegationCode];

/** The national delegations, in the order they are listed everywhere (the Chair is not a party). */
export const PARTY_CODES = [
  'US',
  'CA',
  'MX',
  'SV',
  'GT',
] as const satisfies readonly DelegationCode[];

/** Every delegation code, parties first, then the Chair. */
export const DELEGATION_CODES: readonly DelegationCode[] = [...PARTY_CODES, 'CHAIR'];

/** Whether an untrusted string names a delegation. */
export function isDelegationCode(value: unknown): value is DelegationCode {
  return typeof value === 'string' && Object.hasOwn(DELEGATIONS, value);
}
