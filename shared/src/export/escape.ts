/** Escaping of user-typed text for the markup formats. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Text that Markdown shows as typed: every character that could start emphasis, a link, code,
 * HTML, an entity, a table or strike-through is backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped). Line breaks become spaces: one paragraph stays one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>&#|~{}]/g, (char) => `\\${char}`);
}

/**
 * Like `escapeMarkdown`, for text that starts a line: a leading `-`, `+`, `=`, a number
 * followed by `.` or `)`, or indentation would otherwise make a list, a heading underline or
 * a code block.
 */
export function escapeMarkdownLineStart(text: string): string {
  const escaped = escapeMarkdown(text).trimStart();
  const list = /^(\d{1,9})([.)])/.exec(escaped);
  if (list) return `${list[1]}\\${list[2]}${escaped.slice(list[0].length)}`;
  return /^[-+=]/.test(escaped) ? `\\${escaped}` : escaped;
}
