import type { DecorationAttrs } from '@tiptap/pm/view';
import { readableTextColour } from '../app/colour';
import { caretLook } from './caretLabel';

/** The class of a caret whose person has the draft in the background. */
export const AWAY_CARET_CLASS = 'collaboration-carets__caret--away';

/** Builds a remote caret with CollaborationCaret's class names, labelled "Name · MX". */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const { label, shortLabel, colour, away, userId } = caretLook(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // ProseMirror keeps a caret's element while its person stays: fading it later needs whose it is.
  caret.classList.toggle(AWAY_CARET_CLASS, away);
  if (userId !== null) caret.dataset.userId = userId;
  caret.style.borderColor = colour;
  const tag = document.createElement('div');
  tag.className = 'collaboration-carets__label';
  tag.style.backgroundColor = colour;
  tag.style.color = readableTextColour(colour);
  // Short over the text; the full name on hover.
  tag.title = label;
  const short = document.createElement('span');
  short.className = 'collaboration-carets__short';
  short.textContent = shortLabel;
  const full = document.createElement('span');
  full.className = 'collaboration-carets__full';
  full.textContent = label;
  tag.append(short, full);
  caret.append(tag);
  return caret;
}

/** The class of a caret label turned to the caret's left, to stay inside the page. */
export const FLIPPED_LABEL_CLASS = 'collaboration-carets__label--flipped';

/**
 * Keeps every caret label inside the page: a label that would run past the page's right edge
 * (a caret near the end of a line) is drawn to the left of its caret instead.
 */
export function fitCaretLabels(editorDom: HTMLElement): void {
  const page = editorDom.closest('.paper') ?? editorDom;
  const right = page.getBoundingClientRect().right;
  for (const tag of Array.from(
    editorDom.querySelectorAll<HTMLElement>('.collaboration-carets__label'),
  )) {
    tag.classList.remove(FLIPPED_LABEL_CLASS);
    if (tag.getBoundingClientRect().right > right - 2) tag.classList.add(FLIPPED_LABEL_CLASS);
  }
}

/** A remote selection: the delegation's colour, faint, behind the text. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const { colour } = caretLook(user);
  return {
    nodeName: 'span',
    class: 'collaboration-carets__selection',
    style: `background-color: ${colour}33`,
  };
}
