import { PROVIDERS, isProviderId } from '../catalogue/providers';
import { type Language, translate } from '../i18n/translate';
import { type ErrorKind, type GromptError, isRetryableKind } from './kinds';

export interface ErrorFacts {
  kind: ErrorKind;
  provider?: string;
  /** The name to show for the provider when it is not a built-in one (a custom provider's own name). */
  providerLabel?: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Text from the provider or server, already redacted. */
  detail?: string;
  model?: string;
  /** The Ollama base URL, or the host that was refused. */
  url?: string;
  /** The exact OLLAMA_ORIGINS line for the user to set. */
  setting?: string;
  viaServer?: boolean;
  /** The origin to grant again, for permission-revoked. */
  origin?: string;
  /** Models the provider has, closest to the one it did not know (model-not-found only). */
  suggestions?: string[];
}

function providerName(provider: string | undefined): string {
  if (provider === 'grompt') return 'The Grompt server';
  return provider && isProviderId(provider) ? PROVIDERS[provider].label : 'The provider';
}

/** Turns what went wrong into the sentence the user reads, in their language. */
export function describeError(facts: ErrorFacts, language: Language): GromptError {
  const name = facts.providerLabel ?? providerName(facts.provider);
  const params = {
    provider: name,
    model: facts.model ?? '',
    url: facts.url ?? '',
    host: facts.url ?? '',
    setting: facts.setting ?? '',
    detail: facts.detail ?? '',
    retryAfter:
      facts.retryAfterSeconds !== undefined
        ? translate(language, 'error.rate-limit.after', { seconds: Math.ceil(facts.retryAfterSeconds) })
        : '',
  };
  const key = facts.kind === 'network' && facts.provider === 'ollama' ? 'error.network.ollama' : (`error.${facts.kind}` as const);
  let message = translate(language, key, params);
  if (facts.viaServer) message = `${message} ${translate(language, 'error.via-server')}`;
  return {
    kind: facts.kind,
    message,
    retryable: isRetryableKind(facts.kind),
    ...(facts.detail ? { detail: facts.detail } : {}),
    ...(facts.status !== undefined ? { status: facts.status } : {}),
    ...(facts.retryAfterSeconds !== undefined ? { retryAfterSeconds: facts.retryAfterSeconds } : {}),
    ...(facts.provider ? { provider: facts.provider } : {}),
    ...(facts.origin ? { origin: facts.origin } : {}),
    ...(facts.suggestions?.length ? { suggestions: facts.suggestions.slice(0, 5) } : {}),
  };
}
