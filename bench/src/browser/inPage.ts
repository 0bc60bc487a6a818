/// <reference lib="dom" />
/**
 * Code that runs inside the page (serialised by Playwright, so it must not close over anything).
 * It lives apart from the Node code so that its globals are plainly the browser's.
 */

/** What the page records per keystroke, in ms since the keydown handler ran. */
export interface PageKeystroke {
  /** keydown → the next requestAnimationFrame callback (the frame that paints it). */
  toFrame: number;
  /** keydown → just after that frame (a task posted from the rAF callback). */
  afterFrame: number;
}

interface KeystrokeWindow {
  __benchKeystrokes?: PageKeystroke[];
}

/**
 * Installs a capturing keydown listener on window (it runs before the editor's own handlers):
 * it notes performance.now(), then the time of the next animation frame, then the time just
 * after that frame has been produced.
 */
export function installKeystrokeProbe(): void {
  const target = window as unknown as KeystrokeWindow;
  const samples: PageKeystroke[] = [];
  target.__benchKeystrokes = samples;
  window.addEventListener(
    'keydown',
    () => {
      const start = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          samples.push({ toFrame: frame - start, afterFrame: performance.now() - start });
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/** The keystrokes recorded so far. */
export function readKeystrokes(): PageKeystroke[] {
  return (window as unknown as KeystrokeWindow).__benchKeystrokes ?? [];
}

/**
 * Resolves (with ms since navigation start) once the editor is editable and shows at least
 * `clauses` clauses; null until then (Playwright polls it every animation frame).
 */
export function editableWithClauses(clauses: number): number | null {
  const editor = document.querySelector('[data-testid="editor"] .ProseMirror');
  if (editor === null || editor.getAttribute('contenteditable') !== 'true') return null;
  if (editor.querySelectorAll('p.clause').length < clauses) return null;
  return performance.now();
}
