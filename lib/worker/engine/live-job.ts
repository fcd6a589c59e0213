import type { Browser } from 'wxt/browser';
import type { GromptError } from '../../errors/kinds';
import type { FinishReason, Job, Usage } from '../../domain/job';
import type { PortEvent } from '../../messaging/port-protocol';
import { jobItems } from '../../storage/items';

type Port = Browser.runtime.Port;

/** Deltas are coalesced to at most one message per frame; the first goes out at once. */
const FRAME_MS = 16;
/** Session storage is written at most this often while streaming, and at every change of state. */
const PERSIST_MS = 750;

/**
 * A job while it runs: the snapshot the UI can reattach to, the ports listening to it,
 * and the batching of text to both. The snapshot in storage.session is the truth; this
 * object lives only as long as this wake of the worker.
 */
export class LiveJob {
  readonly controller = new AbortController();
  private readonly ports = new Set<Port>();
  private pending = '';
  private pendingReasoning = '';
  private lastFlush = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPersist = 0;

  constructor(public job: Job) {}

  get surface() {
    return this.job.request.surface;
  }

  get listenerCount(): number {
    return this.ports.size;
  }

  attach(port: Port): void {
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    // Text still waiting for the next flush reaches this port with that flush, not twice.
    const sent = this.job.text.slice(0, this.job.text.length - this.pending.length);
    const reasoning = this.job.reasoning?.slice(0, this.job.reasoning.length - this.pendingReasoning.length);
    this.send(port, { type: 'job', job: { ...this.job, text: sent, ...(reasoning !== undefined ? { reasoning } : {}) } });
  }

  async update(change: Partial<Job>): Promise<void> {
    this.flush();
    this.job = { ...this.job, ...change };
    this.broadcast({ type: 'job', job: this.job });
    await this.persist();
  }

  appendText(text: string): void {
    if (!this.job.firstTokenAt) this.job.firstTokenAt = Date.now();
    // The first word of the answer ends the reasoning: how long the model thought.
    if (this.job.reasoning !== undefined && !this.job.reasoningEndedAt) this.job.reasoningEndedAt = Date.now();
    this.job.text += text;
    this.pending += text;
    this.schedule();
  }

  /** Reasoning is batched like text, on its own channel: it never becomes part of the answer. */
  appendReasoning(text: string): void {
    if (!this.job.reasoningStartedAt) this.job.reasoningStartedAt = Date.now();
    this.job.reasoning = (this.job.reasoning ?? '') + text;
    this.pendingReasoning += text;
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    if (now - this.lastFlush >= FRAME_MS) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FRAME_MS - (now - this.lastFlush));
    if (now - this.lastPersist >= PERSIST_MS) void this.persist();
  }

  async finish(reason: FinishReason, usage: Usage | undefined): Promise<void> {
    this.flush();
    this.job = { ...this.job, status: 'done', finishReason: reason, ...(usage ? { usage } : {}), finishedAt: Date.now() };
    await this.persist();
    this.broadcast({ type: 'finish', reason, ...(usage ? { usage } : {}) });
  }

  async fail(error: GromptError, status: 'error' | 'stopped'): Promise<void> {
    this.flush();
    this.job = { ...this.job, status, error, finishedAt: Date.now() };
    await this.persist();
    this.broadcast({ type: 'error', error });
  }

  async persist(): Promise<void> {
    this.lastPersist = Date.now();
    await jobItems[this.surface].setValue(this.job);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // Only text sent counts: a state change just before the first token must not delay it.
    if (!this.pending && !this.pendingReasoning) return;
    this.lastFlush = Date.now();
    if (this.pendingReasoning) {
      const reasoning = this.pendingReasoning;
      this.pendingReasoning = '';
      this.broadcast({ type: 'reasoning-delta', text: reasoning });
    }
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.broadcast({ type: 'text-delta', text });
  }

  private broadcast(event: PortEvent): void {
    for (const port of this.ports) this.send(port, event);
  }

  private send(port: Port, event: PortEvent): void {
    try {
      port.postMessage(event);
    } catch {
      // The page closed between two messages: the job goes on and stays in session storage.
      this.ports.delete(port);
    }
  }
}
