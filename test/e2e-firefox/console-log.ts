import type { Readable } from 'node:stream';

/**
 * A page's console.error as Firefox prints it: its arguments in source form ("text", 42, ({a:1}),
 * (new Error(…))). The browser's own modules print through named console instances instead
 * ("console.error: RSLoader: …", remote settings failing on a closed network): not ours.
 */
const PAGE_CONSOLE_ERROR = /^console\.error: (?![A-Za-z][\w.-]*: )/;

/**
 * Firefox's stdout and stderr, line by line. With `devtools.console.stdout.content` on, every
 * console call of a web or extension page (background included) is printed there as
 * `console.<level>: …`, and uncaught errors and rejections as `JavaScript error: <url>, line N: …`
 * — the only place they can be seen, since BiDi reports nothing for moz-extension:// pages.
 */
export class ConsoleLog {
  readonly lines: string[] = [];
  /** Error lines a test provoked on purpose (the watch's own positive control). */
  readonly #expected = new Set<string>();
  #partial = '';

  constructor(readonly origin: string) {}

  follow(stream: Readable | null | undefined): void {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const text = this.#partial + chunk;
      const lines = text.split('\n');
      this.#partial = lines.pop() ?? '';
      this.lines.push(...lines.filter((line) => line.trim()));
    });
  }

  /**
   * What must never happen: console.error from a page, or an uncaught error in one of ours.
   * Browser internals (chrome://, resource:// — e.g. the remote agent's own noise) are not ours.
   */
  errors(): string[] {
    return this.lines.filter(
      (line) =>
        !this.#expected.has(line) && (PAGE_CONSOLE_ERROR.test(line) || (/^JavaScript error:/.test(line) && line.includes(this.origin))),
    );
  }

  /** Marks the error lines containing `marker` as provoked by the test; returns how many there were. */
  expect(marker: string): number {
    const lines = this.errors().filter((line) => line.includes(marker));
    for (const line of lines) this.#expected.add(line);
    return lines.length;
  }

  /** Console output of pages (ours and the test pages), for the key-leak check. */
  pageLines(): string[] {
    return this.lines.filter((line) => /^console\.\w+:/.test(line) || line.startsWith('JavaScript '));
  }
}
