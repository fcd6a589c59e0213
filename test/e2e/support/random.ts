/** Random hex, for keys that must be unique to one test run (canaries, per-test keys). */
export function hex(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
