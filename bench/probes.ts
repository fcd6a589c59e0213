/**
 * Code that runs inside the extension's pages (serialised by Playwright: each function must
 * stay self-contained). Times are taken in the page, so no round trip to Node is measured.
 */

/** What the readiness probe saw, in ms since the page's navigation started (performance.now()). */
export interface ReadinessProbe {
  /** The control exists, is enabled and has a box. */
  firstRender?: number;
  /** …and, where the page pre-fills it, holds text: the page is interactive. */
  ready?: number;
  focused: boolean;
  value: string;
}

/** Times of one streamed answer in the page, Date.now() (the fake's clock: same machine). */
export interface AnswerWatch {
  /** The Run (or Send) click reached the page. */
  clickAt: number;
  firstTextAt: number;
  doneAt: number;
  /** Long tasks (> 50 ms) while the page was open after the watch began: start (epoch ms) and duration. */
  longTasks: { start: number; duration: number }[];
  renders: number;
}

/** What the port probe saw: each job's feature, when the page first heard of it, and when its first text arrived (Date.now()). */
export interface PortWatch {
  jobs: Record<string, { feature: string; at: number; firstDeltaAt: number }>;
}

/** Every long task (> 50 ms) since the page started: start (performance.now()) and duration. */
export type LongTaskLog = { start: number; duration: number }[];

/** The page's window as the probes leave it (no global augmentation: the app's types stay as they are). */
export type BenchWindow = Window & {
  __benchProbe?: ReadinessProbe;
  __benchAnswer?: AnswerWatch;
  __benchPort?: PortWatch;
  __benchLongTasks?: LongTaskLog;
};

/**
 * Init script: on extension pages, wraps runtime.connect before the page's own code runs, so
 * the page's one Port (opened when it mounts) reports when each job's first text-delta
 * arrived; and records every long task from the page's start. (A page the worker opens may
 * run its code before the init script: its jobs then stay empty, and its runs have no hops.)
 */
export function portProbe(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const benchWindow = window as BenchWindow;
  const longTasks: LongTaskLog = [];
  benchWindow.__benchLongTasks = longTasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const state: PortWatch = { jobs: {} };
  benchWindow.__benchPort = state;
  const runtime = chrome.runtime;
  const connect = runtime.connect.bind(runtime);
  runtime.connect = ((...args: Parameters<typeof connect>) => {
    const port = connect(...args);
    type Announced = { id: string; request: { feature: string } };
    port.onMessage.addListener((message: { type?: string; job?: Announced; jobs?: Announced[]; jobId?: string }) => {
      const announced = message.type === 'job' && message.job ? [message.job] : message.type === 'jobs' ? (message.jobs ?? []) : [];
      for (const job of announced) {
        if (!state.jobs[job.id]) state.jobs[job.id] = { feature: job.request.feature, at: Date.now(), firstDeltaAt: 0 };
      }
      const job = message.type === 'text-delta' && message.jobId ? state.jobs[message.jobId] : undefined;
      if (job && !job.firstDeltaAt) job.firstDeltaAt = Date.now();
    });
    return port;
  }) as typeof runtime.connect;
}

/**
 * Init script (every page of the context, before its own scripts): on the popup, the side
 * panel and the baseline page, records when the page's main control becomes interactive.
 * Popup: the "Text to summarize" field is focusable and pre-filled with the page selection.
 * Side panel: the chat composer ("Message") is focusable. Baseline: its one input is.
 */
export function readinessProbe(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const targets: Record<string, { label: string; needsValue: boolean }> = {
    '/popup.html': { label: 'Text to summarize', needsValue: true },
    '/sidepanel.html': { label: 'Message', needsValue: false },
    '/bench-baseline.html': { label: 'Baseline', needsValue: false },
  };
  const target = targets[location.pathname];
  if (!target) return;
  const probe: ReadinessProbe = { focused: false, value: '' };
  (window as BenchWindow).__benchProbe = probe;
  const find = (): HTMLInputElement | HTMLTextAreaElement | null => {
    for (const label of document.querySelectorAll('label')) {
      if (label.htmlFor && label.textContent?.trim() === target.label) {
        return document.getElementById(label.htmlFor) as HTMLInputElement | HTMLTextAreaElement | null;
      }
    }
    return document.querySelector(`[aria-label="${target.label}"]`);
  };
  let rendered: Element | undefined;
  const check = () => {
    if (probe.ready !== undefined) return;
    const control = find();
    if (!control || control.disabled || !control.isConnected) return;
    const now = performance.now();
    // Whether it has a box is asked once per element: getClientRects() forces a layout, and
    // doing that on every mutation would slow the page being measured.
    if (rendered !== control) {
      if (control.getClientRects().length === 0) return;
      rendered = control;
    }
    probe.firstRender ??= now;
    if (target.needsValue && !control.value.trim()) return;
    probe.ready = now;
    probe.focused = document.activeElement === control;
    probe.value = control.value;
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('focusin', check, true);
  // React sets a controlled field's value as a property, which no observer sees: check right after.
  for (const prototype of [HTMLTextAreaElement.prototype, HTMLInputElement.prototype]) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value');
    const setter = descriptor?.set;
    if (!descriptor || !setter) continue;
    Object.defineProperty(prototype, 'value', {
      ...descriptor,
      set(this: HTMLInputElement, value: string) {
        setter.call(this, value);
        if (probe.ready === undefined) queueMicrotask(check);
      },
    });
  }
  const frame = () => {
    check();
    if (probe.ready === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Installed in the popup (or side panel) just before Run: when the answer's first text is
 * in the DOM, when the answer is done (its Copy action appears and all its text is shown), and every long task.
 * The page must show no answer yet (the bench clears the surface's last job first).
 */
export function watchAnswer(): void {
  const state: AnswerWatch = { clickAt: 0, firstTextAt: 0, doneAt: 0, longTasks: [], renders: 0 };
  (window as BenchWindow).__benchAnswer = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      state.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener(
    'click',
    (event) => {
      if (!state.clickAt && event.target instanceof Element && event.target.closest('button')) state.clickAt = Date.now();
    },
    true,
  );
  const check = () => {
    state.renders += 1;
    const answer = document.querySelector('section.answer');
    if (!answer) return;
    if (!state.firstTextAt) {
      const text = answer.querySelector('.markdown, .markdown-fallback')?.textContent ?? '';
      if (text.trim()) state.firstTextAt = Date.now();
    }
    // Done: the Copy action is there and the whole text is on screen (a burst is shown a step a frame).
    if (state.firstTextAt && !state.doneAt && !answer.querySelector('.markdown[data-shown="partly"]')) {
      for (const button of answer.querySelectorAll('.answer-actions button')) {
        if (button.textContent?.trim() === 'Copy') {
          state.doneAt = Date.now();
          observer.disconnect();
        }
      }
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-shown'],
  });
}

/**
 * The source of `fn(arg)` as a page expression. tsx (esbuild, keepNames) wraps inner
 * functions in `__name(…)`, which does not exist in the page: a no-op stands in for it.
 */
export function pageScript(fn: (arg: never) => unknown, arg?: unknown): string {
  const call = arg === undefined ? '' : JSON.stringify(arg);
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${call}); })()`;
}
