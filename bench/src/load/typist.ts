import type * as Y from 'yjs';
import { clausesOf, clauseText } from './draftModel';

const ALPHABET = 'the parties agree to consult one another on migration and trade ';

/** How a typist behaves. */
export interface TypistOptions {
  /** Mean typing rate; each gap is drawn uniformly from 0.5× to 1.5× the mean gap. */
  charsPerSecond: number;
  random: () => number;
  /** Called right after each local keystroke transaction. */
  onTyped: (doc: Y.Doc) => void;
}

/**
 * A person typing at a human rate: a burst of 5 to 30 characters at one place of a random
 * clause, then another clause. One character per transaction, as an editor sends keystrokes.
 */
export class Typist {
  private timer: NodeJS.Timeout | undefined;
  private text: Y.XmlText | undefined;
  private position = 0;
  private burstLeft = 0;
  private letter = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: TypistOptions,
  ) {}

  /** Starts typing after a random fraction of one gap, so that clients do not type in step. */
  start(): void {
    this.schedule(this.options.random());
  }

  /** Stops typing; no keystroke happens after this returns. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Types one keystroke now, outside the schedule (for micro-benchmarks). */
  keystrokeNow(): void {
    this.keystroke();
  }

  private schedule(gapFactor: number): void {
    const meanGap = 1000 / this.options.charsPerSecond;
    this.timer = setTimeout(() => {
      this.keystroke();
      this.schedule(0.5 + this.options.random());
    }, meanGap * gapFactor);
  }

  private keystroke(): void {
    if (this.text === undefined || this.burstLeft <= 0 || this.text.doc === null) this.pickPlace();
    const text = this.text;
    if (text === undefined) return;
    const char = ALPHABET[this.letter % ALPHABET.length] ?? 'x';
    this.letter += 1;
    this.position = Math.min(this.position, text.length);
    text.insert(this.position, char);
    this.position += 1;
    this.burstLeft -= 1;
    this.options.onTyped(this.doc);
  }

  private pickPlace(): void {
    const clauses = clausesOf(this.doc);
    const clause = clauses[Math.floor(this.options.random() * clauses.length)];
    this.text = clause === undefined ? undefined : clauseText(clause);
    this.position = Math.floor(this.options.random() * ((this.text?.length ?? 0) + 1));
    this.burstLeft = 5 + Math.floor(this.options.random() * 26);
  }
}
