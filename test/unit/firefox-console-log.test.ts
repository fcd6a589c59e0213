import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleLog } from '../e2e-firefox/console-log';

const ORIGIN = 'moz-extension://5f3c2a9e-7b1d-4e8a-9c6f-0d2b4a6e8f10';

/** Firefox's output as the Firefox suite reads it, fed in arbitrary chunks. */
function logOf(text: string): ConsoleLog {
  const log = new ConsoleLog(ORIGIN);
  const stream = new PassThrough();
  log.follow(stream);
  for (let start = 0; start < text.length; start += 7) stream.write(text.slice(start, start + 7));
  return log;
}

describe('the Firefox suite’s console watch', () => {
  it('fails on a page’s console.error and on an uncaught error in a page of ours', () => {
    const log = logOf(
      [
        'console.error: "[grompt] job failed"',
        'console.error: (new Error("boom", "moz-extension://x/popup.html", 2))',
        `JavaScript error: ${ORIGIN}/chunks/popup.js, line 3: TypeError: x is undefined`,
        '',
      ].join('\n'),
    );
    expect(log.errors()).toHaveLength(3);
  });

  it('ignores warnings, other origins and the browser’s own modules', () => {
    const log = logOf(
      [
        'console.warn: "[grompt] message from an untrusted sender refused"',
        'console.error: RSLoader: ',
        '  Failed to retrieve recipes from Remote Settings',
        'JavaScript error: resource://gre/modules/PrivateBrowsingUtils.sys.mjs, line 50: TypeError',
        'JavaScript error: http://127.0.0.1:4000/article.html, line 1: Error: the page’s own',
        '',
      ].join('\n'),
    );
    expect(log.errors()).toEqual([]);
    expect(log.lines).toHaveLength(5);
  });

  it('lets a test acknowledge the errors it provoked on purpose', () => {
    const log = logOf('console.error: "probe-1 console.error"\nconsole.error: "other"\n');
    expect(log.expect('probe-1')).toBe(1);
    expect(log.errors()).toEqual(['console.error: "other"']);
  });
});
