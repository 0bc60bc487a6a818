import type { DecorationAttrs } from '@tiptap/pm/view';
import { readableTextColour } from '../app/colour';
import { caretLook } from './caretLabel';

/** Builds a remote caret with CollaborationCaret's class names, labelled "Name · MX". */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const { label, colour } = caretLook(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
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
