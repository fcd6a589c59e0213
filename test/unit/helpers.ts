import type { StreamPart } from '@/lib/worker/providers/types';

export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

export function textOf(parts: readonly StreamPart[]): string {
  return parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
}

export function lastPart(parts: readonly StreamPart[]): StreamPart | undefined {
  return parts.at(-1);
}

export const MESSAGES = [
  { role: 'system' as const, content: 'You are a test.' },
  { role: 'user' as const, content: 'Say the words.' },
];

/** A fresh, unique key per test run, in a provider's shape. */
export function testKey(prefix: string): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${prefix}${hex}`;
}
