import type { DecorationAttrs } from '@tiptap/pm/view';
import { readableTextColour } from '../app/colour';
import { caretLook } from './caretLabel';

/** The class of a caret whose person has the draft in the background. */
export const AWAY_CARET_CLASS = 'collaboration-carets__caret--away';

/** Builds a remote caret with CollaborationCaret's class names, labelled "Name · MX". */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const { label, colour, away, userId } = caretLook(user);
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
  tag.textContent = label;
  caret.append(tag);
  return caret;
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
