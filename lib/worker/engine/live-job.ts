import type { Browser } from 'wxt/browser';
import type { GromptError } from '../../errors/kinds';
import type { FinishReason, Job, JobChange, Slot, Usage } from '../../domain/job';
import { slotOf } from '../../domain/job';
import type { PortEvent } from '../../messaging/port-protocol';
import { log } from '../../log/logger';
import { storeNewJob, storeProgress } from '../session/job-store';
import { SessionFullError } from '../session/room';

type Port = Browser.runtime.Port;

/** Deltas are coalesced to at most one message per frame; the first goes out at once. */
const FRAME_MS = 16;
/** While streaming, the text that arrived is saved at most this often (and at every change of state). */
const PERSIST_MS = 1000;

/**
 * A job while it runs: the ports listening to it, the batching of text to them, and its
 * copy in storage.session (which outlives this object, and this wake of the worker).
 * Pages are always told first, then storage is written: a write that fails (session memory
 * full) marks the answer unsaved but never holds it up.
 */
export class LiveJob {
  readonly controller = new AbortController();
  private readonly ports = new Set<Port>();
  private pending = '';
  private pendingReasoning = '';
  private lastFlush = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPersist = 0;
  /** Saves run one after another, each writing only what the one before did not. */
  private saving: Promise<void> = Promise.resolve();
  private stored = false;
  private savedChars = 0;
  private savedReasoningChars = 0;
  private readonly saved = { chunks: 0, reasoningChunks: 0 };
  /** The id of the job this one took the slot from, once stored. */
  previousInSlot: string | undefined;
  /** A newer job took this one's slot: its saves keep to its own records, never the slot's. */
  superseded = false;

  constructor(public job: Job) {}

  get slot(): Slot {
    return slotOf(this.job.request);
  }

  /**
   * Follows the job on this port: its changes from now on, after the job as it stands
   * (unless the port already has it, from a snapshot taken in the same task).
   */
  attach(port: Port, options: { announce: boolean } = { announce: true }): void {
    if (this.ports.has(port)) return;
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    if (options.announce) this.send(port, { type: 'job', job: this.snapshot() });
  }

  /** The job as pages have it now: text still waiting for the next flush reaches them with that flush, not twice. */
  snapshot(): Job {
    const reasoning = this.job.reasoning?.slice(0, this.job.reasoning.length - this.pendingReasoning.length);
    return {
      ...this.job,
      text: this.job.text.slice(0, this.job.text.length - this.pending.length),
      ...(reasoning !== undefined ? { reasoning } : {}),
    };
  }

  async update(change: JobChange): Promise<void> {
    this.flush();
    this.job = { ...this.job, ...change };
    this.broadcast({ type: 'update', jobId: this.job.id, change });
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
    await this.update({ status: 'done', finishReason: reason, ...(usage ? { usage } : {}), finishedAt: Date.now() });
  }

  async fail(error: GromptError, status: 'error' | 'stopped'): Promise<void> {
    await this.update({ status, error, finishedAt: Date.now() });
  }

  /** Saves what changed since the last save. Never throws: a failed save marks the answer unsaved. */
  persist(): Promise<void> {
    this.lastPersist = Date.now();
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  private async save(): Promise<void> {
    const { job } = this;
    try {
      if (!this.stored) {
        if (this.superseded) return;
        this.previousInSlot = await storeNewJob(job, this.slot, () => !this.superseded);
        this.stored = true;
      }
      const newText = job.text.slice(this.savedChars);
      const newReasoning = job.reasoning?.slice(this.savedReasoningChars) ?? '';
      await storeProgress(job, this.saved, newText, newReasoning);
      this.savedChars += newText.length;
      this.savedReasoningChars += newReasoning.length;
      if (newText) this.saved.chunks += 1;
      if (newReasoning) this.saved.reasoningChunks += 1;
      if (this.job.unsaved) this.markUnsaved(false);
    } catch (error) {
      if (error instanceof SessionFullError) {
        if (!this.job.unsaved) this.markUnsaved(true);
        return;
      }
      log.error('could not save a job', { error });
    }
  }

  private markUnsaved(unsaved: boolean): void {
    this.job = { ...this.job, unsaved };
    this.broadcast({ type: 'update', jobId: this.job.id, change: { unsaved } });
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
      this.broadcast({ type: 'reasoning-delta', jobId: this.job.id, text: reasoning });
    }
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.broadcast({ type: 'text-delta', jobId: this.job.id, text });
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
