import { Selection, TextSelection } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';

/** A last look after the tap, once ProseMirror's own focus handling (20 ms) has run. */
const SETTLE_MS = 60;

/**
 * The tap that first focuses the draft on a touch screen places the caret where the finger
 * was. Chromium's tap focuses the editor without placing the browser's caret at once, and
 * ProseMirror then puts back its old selection (the start of the draft): the first words a
 * delegate typed on a phone landed in the title. The position is taken when the finger lands,
 * before focusing scrolls anything. A tap on an editor that already has focus is left alone.
 */
export function placeCaretOnFirstTap(editor: Editor): () => void {
  const dom = editor.view.dom;
  let tapAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const place = (onlyFromStart: boolean) => {
    const view = editor.view;
    if (tapAt === null || editor.isDestroyed || !view.hasFocus() || !view.editable) return;
    // Later, only undo ProseMirror's reset to the start: the delegate may be typing already.
    if (onlyFromStart && view.state.selection.from !== Selection.atStart(view.state.doc).from) {
      return;
    }
    const wanted = TextSelection.near(
      view.state.doc.resolve(Math.min(tapAt, view.state.doc.content.size)),
    );
    const { selection } = view.state;
    if (!selection.empty || selection.from === wanted.from) return;
    view.dispatch(view.state.tr.setSelection(wanted).scrollIntoView());
  };
  const onDown = (event: PointerEvent) => {
    tapAt = null;
    if (event.pointerType !== 'touch' || editor.view.hasFocus()) return;
    tapAt = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
  };
  const onClick = () => {
    if (tapAt === null) return;
    place(false);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      place(true);
      tapAt = null;
    }, SETTLE_MS);
  };
  dom.addEventListener('pointerdown', onDown);
  dom.addEventListener('click', onClick);
  return () => {
    if (timer !== null) clearTimeout(timer);
    dom.removeEventListener('pointerdown', onDown);
    dom.removeEventListener('click', onClick);
  };
}
