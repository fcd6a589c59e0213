import { fragmentsOf, REDACTED, redactPatterns } from './redact';

/** A salted 53-bit hash (cyrb53): cheap, synchronous, and one-way enough for fragments this long. */
function hash(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function randomSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? Date.now();
}

/** Characters of a fragment hashed on their own, to skip most windows cheaply (none beyond what the mask shows). */
const LEAD = 2;

interface Fragment {
  length: number;
  hash: number;
  /** Hash of the fragment's first LEAD characters: the key's own first two, or two of its last four. */
  lead: number;
}

/**
 * What the worker remembers of its keys so that their echoes can be redacted from provider
 * errors and log lines: salted hashes of each key and of the fragments providers echo (the
 * first 8 and the last 4 characters), never a key or a fragment in clear. Forgetting a key
 * (by hand, or after the idle time) drops its hashes too; key patterns and masked echoes are
 * still redacted by shape.
 */
export class RedactionMemory {
  private readonly seed = randomSeed();
  /** Per key (by the hash of the whole key): its fragments. */
  private readonly keys = new Map<number, Fragment[]>();

  get size(): number {
    return this.keys.size;
  }

  remember(secret: string): void {
    if (!secret) return;
    this.keys.set(
      hash(secret, this.seed),
      fragmentsOf(secret).map((fragment) => ({
        length: fragment.length,
        hash: hash(fragment, this.seed),
        lead: hash(fragment.slice(0, LEAD), this.seed),
      })),
    );
  }

  forget(secret: string): void {
    this.keys.delete(hash(secret, this.seed));
  }

  forgetAll(): void {
    this.keys.clear();
  }

  /** The text with every remembered key's fragments, then every key pattern, redacted. */
  redact(text: string): string {
    return redactPatterns(this.redactRemembered(text));
  }

  private redactRemembered(text: string): string {
    const byLength = new Map<number, { hashes: Set<number>; leads: Set<number> }>();
    for (const fragments of this.keys.values()) {
      for (const fragment of fragments) {
        const entry = byLength.get(fragment.length) ?? { hashes: new Set(), leads: new Set() };
        entry.hashes.add(fragment.hash);
        entry.leads.add(fragment.lead);
        byLength.set(fragment.length, entry);
      }
    }
    // Markers from an earlier pass are never cut into: a key ending in "edac" must not turn
    // "[redacted]" into "[r[redacted]ted]".
    const markers: [number, number][] = [];
    for (let at = text.indexOf(REDACTED); at !== -1; at = text.indexOf(REDACTED, at + REDACTED.length)) {
      markers.push([at, at + REDACTED.length]);
    }
    // Longest first: a whole key is one [redacted], not its fragments side by side.
    const ranges: [number, number][] = [];
    const taken = (start: number, end: number) => [...markers, ...ranges].some(([from, to]) => start < to && end > from);
    for (const [length, { hashes, leads }] of [...byLength].sort((a, b) => b[0] - a[0])) {
      for (let start = 0; start + length <= text.length; start++) {
        if (!leads.has(hash(text.slice(start, start + Math.min(LEAD, length)), this.seed))) continue;
        if (taken(start, start + length)) continue;
        if (hashes.has(hash(text.slice(start, start + length), this.seed))) ranges.push([start, start + length]);
      }
    }
    let result = text;
    for (const [from, to] of ranges.sort((a, b) => b[0] - a[0])) result = `${result.slice(0, from)}${REDACTED}${result.slice(to)}`;
    return result;
  }
}
