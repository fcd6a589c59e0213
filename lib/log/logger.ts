import { RedactionMemory } from './redaction-memory';

/**
 * The one place that writes to the console. Everything passes through redaction, using
 * salted hashes of the keys this worker holds in this wake (lost when the worker stops, and
 * dropped when a key is forgotten).
 */
const memory = new RedactionMemory();

export function rememberSecretForRedaction(secret: string): void {
  memory.remember(secret);
}

export function forgetSecretForRedaction(secret: string): void {
  memory.forget(secret);
}

export function forgetAllSecretsForRedaction(): void {
  memory.forgetAll();
}

export function redactKnownSecrets(text: string): string {
  return memory.redact(text);
}

type Level = 'debug' | 'info' | 'warn' | 'error';

function stringify(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function write(level: Level, event: string, fields?: Record<string, unknown>): void {
  const parts = fields ? Object.entries(fields).map(([name, value]) => `${name}=${stringify(value)}`) : [];
  const line = redactKnownSecrets(`[grompt] ${event}${parts.length ? ` ${parts.join(' ')}` : ''}`);
  // biome-ignore lint/suspicious/noConsole: this module is the single, redacting console sink.
  console[level](line);
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
};
