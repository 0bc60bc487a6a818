import { parseArgs } from 'node:util';
import { type DelegationCode, isDelegationCode } from '@accord/shared/domain/delegations';
import { isRole, type Role } from '@accord/shared/domain/roles';
import { parseExportRequest } from '@accord/shared/export/exportFormats';
import type { ExportCommand } from './exportCommand';
import { REVISION_COMPARE_FORMATS, type RevisionCommand } from './revisionCommand';

/** A place in a negotiation, as given on the command line. */
export interface MembershipArgs {
  negotiationId: string;
  delegation: DelegationCode;
  role: Role;
}

/** One admin command, parsed and checked for shape (not yet against the database). */
export type AdminCommand =
  | {
      kind: 'user create';
      username: string;
      displayName: string;
      membership: MembershipArgs | null;
      passwordStdin: boolean;
    }
  | { kind: 'user set-password'; username: string; passwordStdin: boolean }
  | { kind: 'user assign'; username: string; membership: MembershipArgs }
  | { kind: 'user remove'; username: string; negotiationId: string }
  | { kind: 'user disable' | 'user enable'; username: string }
  | { kind: 'user list' }
  | { kind: 'negotiation list' }
  | { kind: 'negotiation time-zone'; negotiationId: string; timeZone: string }
  | { kind: 'document list' }
  | ExportCommand
  | RevisionCommand
  | { kind: 'audit verify'; negotiationId: string }
  | { kind: 'help' };

/** Parsed arguments or a usage error. */
export type AdminArgsResult = { ok: true; value: AdminCommand } | { ok: false; error: string };

/** The admin tool's usage text. */
export const ADMIN_USAGE = `Usage: accord-admin <command> (reads ACCORD_DATA_DIR, default ./data)

  user create <username> --name "Full Name" [--negotiation <id> --delegation <code> --role <role>] [--password-stdin]
  user set-password <username> [--password-stdin]
  user assign <username> --negotiation <id> --delegation <code> --role <role>
  user remove <username> --negotiation <id>   (takes the user out of the negotiation)
  user disable <username>      (also signs the user out everywhere)
  user enable <username>
  user list
  negotiation list
  negotiation time-zone <zone> --negotiation <id>   (an IANA name, e.g. America/Mexico_City)
  document list
  export --document <id> --format txt|md|html|docx|pdf [--mode draft|final] [--threads public] [--lang en|es|fr] [--out <file>|-]
                               (default --out: the export's own file name in the current folder)
  audit verify --negotiation <id>   (exit code 1 and the first broken entry if the chain is broken)
  revision list --document <id>
  revision show <n> --document <id>   (its clauses, and whether its SHA-256 still matches)
  revision compare <from> <to> --document <id> [--format txt|json|html|docx|pdf] [--out <file>|-]
                               (<from>, <to>: a revision number or "current")

Delegations: US, CA, MX, SV, GT, CHAIR. Roles: moderator, delegate, observer.
Without --password-stdin the password is asked for on the terminal.`;

const OPTIONS = {
  name: { type: 'string' },
  negotiation: { type: 'string' },
  delegation: { type: 'string' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  document: { type: 'string' },
  format: { type: 'string' },
  mode: { type: 'string' },
  threads: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = {
  name?: string;
  negotiation?: string;
  delegation?: string;
  role?: string;
  'password-stdin'?: boolean;
  document?: string;
  format?: string;
  mode?: string;
  threads?: string;
  lang?: string;
  out?: string;
};

function exportCommandOf(values: Values): AdminArgsResult {
  if (values.document === undefined || values.document === '') {
    return { ok: false, error: 'export needs --document <id> (see: accord-admin document list).' };
  }
  const request = parseExportRequest({
    format: values.format,
    mode: values.mode,
    threads: values.threads,
    lang: values.lang,
  });
  if (!request.ok) return { ok: false, error: request.error };
  return {
    ok: true,
    value: {
      kind: 'export',
      documentId: values.document,
      request: request.value,
      out: values.out ?? null,
    },
  };
}

function revisionTarget(raw: string | undefined): number | 'current' | null {
  if (raw === 'current') return 'current';
  return raw !== undefined && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

function revisionCommandOf(
  command: 'revision list' | 'revision show' | 'revision compare',
  rest: string[],
  values: Values,
): AdminArgsResult {
  const documentId = values.document;
  if (documentId === undefined || documentId === '') {
    return {
      ok: false,
      error: `${command} needs --document <id> (see: accord-admin document list).`,
    };
  }
  if (command === 'revision list') {
    const arity = expectArity(rest, 0, 'revision list --document <id>');
    return arity ? { ok: false, error: arity } : { ok: true, value: { kind: command, documentId } };
  }
  if (command === 'revision show') {
    const arity = expectArity(rest, 1, 'revision show <n> --document <id>');
    if (arity) return { ok: false, error: arity };
    const number = revisionTarget(rest[0]);
    if (typeof number !== 'number') {
      return { ok: false, error: `Give a revision number (1, 2…), got "${rest[0]}".` };
    }
    return { ok: true, value: { kind: command, documentId, number } };
  }
  const arity = expectArity(rest, 2, 'revision compare <from> <to> --document <id> [--format …]');
  if (arity) return { ok: false, error: arity };
  const from = revisionTarget(rest[0]);
  const to = revisionTarget(rest[1]);
  if (from === null || to === null) {
    return { ok: false, error: 'Give <from> and <to> as revision numbers (1, 2…) or "current".' };
  }
  const format = REVISION_COMPARE_FORMATS.find(
    (candidate) => candidate === (values.format ?? 'txt'),
  );
  if (format === undefined) {
    return {
      ok: false,
      error: `Unknown format "${values.format}": use one of ${REVISION_COMPARE_FORMATS.join(', ')}.`,
    };
  }
  return {
    ok: true,
    value: { kind: command, documentId, from, to, format, out: values.out ?? null },
  };
}

function membershipOf(values: Values, required: boolean): AdminArgsResult | MembershipArgs | null {
  const { negotiation, delegation, role } = values;
  if (negotiation === undefined && delegation === undefined && role === undefined && !required) {
    return null;
  }
  if (negotiation === undefined || delegation === undefined || role === undefined) {
    return { ok: false, error: 'Give --negotiation, --delegation and --role together.' };
  }
  if (!isDelegationCode(delegation)) {
    return {
      ok: false,
      error: `--delegation must be one of US, CA, MX, SV, GT, CHAIR, got "${delegation}".`,
    };
  }
  if (!isRole(role)) {
    return { ok: false, error: `--role must be moderator, delegate or observer, got "${role}".` };
  }
  return { negotiationId: negotiation, delegation, role };
}

function expectArity(positionals: string[], count: number, usage: string): string | null {
  return positionals.length === count ? null : `Usage: accord-admin ${usage}`;
}

/** Parses the admin tool's command line (without `node` and the script). */
export function parseAdminArgs(argv: readonly string[]): AdminArgsResult {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { ok: true, value: { kind: 'help' } };
  const [group, action, ...rest] = positionals;
  const command = `${group} ${action ?? ''}`.trim();
  const passwordStdin = values['password-stdin'] === true;
  const username = rest[0] ?? '';
  switch (command) {
    case 'user create': {
      const arity = expectArity(rest, 1, 'user create <username> --name "Full Name" …');
      if (arity) return { ok: false, error: arity };
      if (values.name === undefined) return { ok: false, error: 'user create needs --name.' };
      const membership = membershipOf(values, false);
      if (membership !== null && 'ok' in membership) return membership;
      return {
        ok: true,
        value: { kind: command, username, displayName: values.name, membership, passwordStdin },
      };
    }
    case 'user set-password': {
      const arity = expectArity(rest, 1, 'user set-password <username> [--password-stdin]');
      if (arity) return { ok: false, error: arity };
      return { ok: true, value: { kind: command, username, passwordStdin } };
    }
    case 'user assign': {
      const arity = expectArity(rest, 1, 'user assign <username> --negotiation … --role …');
      if (arity) return { ok: false, error: arity };
      const membership = membershipOf(values, true);
      if (membership === null || 'ok' in membership) {
        return membership ?? { ok: false, error: 'user assign needs a membership.' };
      }
      return { ok: true, value: { kind: command, username, membership } };
    }
    case 'user remove': {
      const arity = expectArity(rest, 1, 'user remove <username> --negotiation <id>');
      if (arity) return { ok: false, error: arity };
      if (values.negotiation === undefined) {
        return { ok: false, error: 'user remove needs --negotiation.' };
      }
      return { ok: true, value: { kind: command, username, negotiationId: values.negotiation } };
    }
    case 'user disable':
    case 'user enable': {
      const arity = expectArity(rest, 1, `${command} <username>`);
      if (arity) return { ok: false, error: arity };
      return { ok: true, value: { kind: command, username } };
    }
    case 'export':
      return exportCommandOf(values);
    case 'user list':
    case 'document list':
    case 'negotiation list': {
      const arity = expectArity(rest, 0, command);
      if (arity) return { ok: false, error: arity };
      return { ok: true, value: { kind: command } };
    }
    case 'negotiation time-zone': {
      const arity = expectArity(rest, 1, 'negotiation time-zone <zone> --negotiation <id>');
      if (arity) return { ok: false, error: arity };
      if (values.negotiation === undefined) {
        return { ok: false, error: 'negotiation time-zone needs --negotiation.' };
      }
      return {
        ok: true,
        value: { kind: command, negotiationId: values.negotiation, timeZone: rest[0] ?? '' },
      };
    }
    case 'audit verify': {
      const arity = expectArity(rest, 0, 'audit verify --negotiation <id>');
      if (arity) return { ok: false, error: arity };
      if (values.negotiation === undefined) {
        return { ok: false, error: 'audit verify needs --negotiation.' };
      }
      return { ok: true, value: { kind: command, negotiationId: values.negotiation } };
    }
    case 'revision list':
    case 'revision show':
    case 'revision compare':
      return revisionCommandOf(command, rest, values);
    default:
      return { ok: false, error: `Unknown command "${command}".` };
  }
}
