import { redact } from './redact';

/**
 * The one place that writes to the console. Everything passes through `redact`, using
 * the keys this worker has seen in this wake (a cache, lost when the worker stops).
 */
const secretsSeen = new Set<string>();

export function rememberSecretForRedaction(secret: string): void {
  if (secret) secretsSeen.add(secret);
}

export function redactKnownSecrets(text: string): string {
  return redact(text, secretsSeen);
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
