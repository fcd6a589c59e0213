/**
 * What the UI may know of a key: enough to recognise it ("sk-…a1b2"), never enough to use it.
 * Short keys show less so that the mask never reveals a large share of the secret.
 */
export function maskKey(key: string): string {
  if (key.length < 16) return '…';
  const prefix = key.startsWith('sk-') ? 'sk-' : key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}
