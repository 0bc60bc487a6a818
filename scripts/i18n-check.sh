#!/usr/bin/env bash
# Missing translations fail CI (issue 16). Extracts every message of the code into the .po
# catalogs and compiles them strictly: fails when the extraction changed a catalog (a message
# was added, changed or removed without `pnpm i18n:extract`), when a language lacks a
# translation (`lingui compile --strict`), or when the committed compiled catalogs are stale.
# The catalogs are left updated, so that the next step is to translate and commit them.
set -euo pipefail
cd "$(dirname "$0")/.."

catalogs=shared/src/i18n/locales
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -R "$catalogs/." "$before/"

if ! extract_log=$(pnpm exec lingui extract --clean 2>&1); then
  echo "$extract_log" >&2
  echo "i18n:check: lingui extract failed." >&2
  exit 1
fi
if ! compile_log=$(pnpm exec lingui compile --strict --verbose 2>&1); then
  echo "$compile_log" >&2
  echo "i18n:check: a translation is missing or does not compile (above). Translate it in $catalogs/{es,fr}/*.po, then run pnpm i18n:compile." >&2
  exit 1
fi
if ! diff -ru "$before" "$catalogs" >&2; then
  echo "i18n:check: the catalogs were out of date with the code (diff above, now updated in $catalogs): review, translate and commit them." >&2
  exit 1
fi
echo "i18n:check: catalogs up to date, every message translated in en, es and fr."
