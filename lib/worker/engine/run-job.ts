import { CUSTOM_ACTION } from '../../actions/run-input';
import { readCustomActions } from '../../actions/stored';
import { appendAnswer, beginTurn, NothingToAnswerError } from '../chat/conversation';
import { describeError, type ErrorFacts } from '../../errors/describe';
import { type Language, translate } from '../../i18n/translate';
import { log } from '../../log/logger';
import type { ChatPage, ChatTurn } from '../../domain/chat';
import type { Mode } from '../../domain/job';
import { readKey } from '../secrets/key-store';
import { readSettings } from '../../storage/items';
import { SessionFullError } from '../session/room';
import type { LiveJob } from './live-job';
import { InvalidInputError, type PreparedCall, prepareCall } from './prepare';
import { prepareActionCall } from './prepare-action';
import { chooseRoute } from './route';
import { openSource } from './sources';
import { resolveTarget, type Target } from './target';

const UNKNOWN_TARGET: Omit<Target, 'provider'> = { label: '', model: '', baseUrl: '', needsKey: false, inputBudgetChars: 0 };

/** A built-in feature (chat with its conversation), or one of the user's actions read from storage. */
async function prepare(liveJob: LiveJob, target: Target, language: Language): Promise<PreparedCall> {
  const { request } = liveJob.job;
  if (request.feature === CUSTOM_ACTION) {
    return prepareActionCall(request.input, await readCustomActions(language), target.inputBudgetChars, language);
  }
  const { input, history, page } = await chatContext(liveJob);
  return prepareCall({ ...request, feature: request.feature, input }, target.inputBudgetChars, language, history, page);
}

/** Chat keeps its conversation in session storage; other features are one turn. */
async function chatContext(liveJob: LiveJob): Promise<{ input: Record<string, unknown>; history: ChatTurn[]; page?: ChatPage }> {
  const { request } = liveJob.job;
  if (request.feature !== 'chat') return { input: request.input, history: [] };
  const action = request.input.action === 'retry' || request.input.action === 'regenerate' ? request.input.action : 'send';
  const message = typeof request.input.message === 'string' ? request.input.message.trim() : '';
  if (action === 'send' && !message) return { input: request.input, history: [] };
  const turn = await beginTurn(message, action);
  return { input: { message: turn.message, action: 'send' }, history: turn.history, ...(turn.page ? { page: turn.page } : {}) };
}

/** Runs a job to its end: prepare, route, stream, and record the outcome. */
export async function runJob(liveJob: LiveJob, language: Language): Promise<void> {
  const settings = await readSettings();
  const { signal } = liveJob.controller;
  const resolved = resolveTarget(liveJob.job.request, settings);
  // A custom provider deleted since the page sent the request (or an id a page made up).
  const target: Target = resolved ?? { ...UNKNOWN_TARGET, provider: liveJob.job.request.provider };
  const fail = (facts: ErrorFacts) => {
    // One line per failure for whoever debugs it: the kind and redacted text, never a raw body.
    if (facts.kind !== 'aborted') {
      log.info('job failed', { feature: liveJob.job.request.feature, kind: facts.kind, status: facts.status, detail: facts.detail });
    }
    return liveJob.fail(
      describeError(
        { model: target.model, url: target.baseUrl, ...(target.custom ? { providerLabel: target.label } : {}), ...facts },
        language,
      ),
      facts.kind === 'aborted' ? 'stopped' : 'error',
    );
  };
  try {
    if (!resolved) throw new InvalidInputError({ kind: 'invalid-input', detail: translate(language, 'validation.provider-unknown') });
    // A custom provider may have no default model: the user types one.
    if (!target.model) {
      throw new InvalidInputError({
        kind: 'invalid-input',
        detail: translate(language, 'validation.model-required', { provider: target.label }),
      });
    }
    const prepared = await prepare(liveJob, target, language);
    const apiKey = target.needsKey ? await readKey(target.provider, settings.keyIdleMinutes) : undefined;
    const route = chooseRoute(target, apiKey, settings);
    const mode: Mode | undefined = route.kind === 'demo' ? 'demo' : route.kind === 'direct' ? route.mode : undefined;
    await liveJob.update({ model: target.model, ...(mode ? { mode } : {}), ...(prepared.trim ? { trim: prepared.trim } : {}) });
    for await (const part of openSource(route, prepared, target, settings, signal)) {
      if (part.type === 'text-delta') liveJob.appendText(part.text);
      else if (part.type === 'reasoning-delta') liveJob.appendReasoning(part.text);
      else if (part.type === 'meta') await liveJob.update({ mode: part.mode, ...(part.model ? { model: part.model } : {}) });
      else if (part.type === 'finish') await liveJob.finish(part.reason, part.usage);
      else await fail(signal.aborted ? { kind: 'aborted' } : { ...part.error, provider: part.error.provider ?? target.provider });
      if (part.type === 'finish' || part.type === 'error') break;
    }
    if (liveJob.job.status === 'running')
      await fail(signal.aborted ? { kind: 'aborted' } : { kind: 'incomplete', provider: target.provider });
  } catch (error) {
    if (error instanceof InvalidInputError) await fail(error.facts);
    else if (error instanceof SessionFullError) await fail({ kind: 'session-full' });
    else if (error instanceof NothingToAnswerError) {
      await fail({ kind: 'invalid-input', detail: translate(language, 'validation.message-required') });
    } else {
      log.error('job failed', { feature: liveJob.job.request.feature, error });
      await fail(signal.aborted ? { kind: 'aborted' } : { kind: 'internal' });
    }
  }
  await recordChatAnswer(liveJob, target);
}

/** A chat answer becomes a turn of the conversation; if session memory is full, the answer says it is not kept. */
async function recordChatAnswer(liveJob: LiveJob, target: Target): Promise<void> {
  const { job } = liveJob;
  if (job.request.feature !== 'chat' || !job.text) return;
  if (job.status !== 'done' && job.status !== 'stopped') return;
  try {
    await appendAnswer({
      content: job.text,
      provider: target.provider,
      model: job.model ?? target.model,
      ...(job.mode ? { mode: job.mode } : {}),
      ...(job.usage ? { usage: job.usage } : {}),
      ...(job.trim ? { trim: job.trim } : {}),
    });
  } catch (error) {
    if (!(error instanceof SessionFullError)) throw error;
    await liveJob.update({ unsaved: true });
  }
}
