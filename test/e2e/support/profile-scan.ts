import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every way a secret could sit in a file: UTF-8, UTF-16LE (Chromium's LevelDB and
 * DOM storage use it), and base64 at each of the three byte alignments (the middle of the
 * encoding is stable whatever precedes the secret).
 */
export function encodingsOf(secret: string): { name: string; bytes: Buffer }[] {
  const forms = [
    { name: 'utf8', bytes: Buffer.from(secret, 'utf8') },
    { name: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
  ];
  for (let skip = 0; skip < 3; skip++) {
    const aligned = secret.slice(skip);
    const whole = aligned.slice(0, aligned.length - (aligned.length % 3));
    forms.push({ name: `base64+${skip}`, bytes: Buffer.from(Buffer.from(whole).toString('base64')) });
    forms.push({ name: `base64url+${skip}`, bytes: Buffer.from(Buffer.from(whole).toString('base64url')) });
  }
  return forms;
}

export interface ScanResult {
  files: number;
  bytes: number;
  /** secret label → "file (encoding)" for every hit. */
  hits: Record<string, string[]>;
}

function walk(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Reads every file of a (closed) browser profile and looks for each secret in each encoding. */
export function scanProfile(dir: string, secrets: Record<string, string>): ScanResult {
  const needles = Object.entries(secrets).map(([label, secret]) => ({ label, forms: encodingsOf(secret) }));
  const result: ScanResult = { files: 0, bytes: 0, hits: Object.fromEntries(needles.map(({ label }) => [label, []])) };
  for (const file of walk(dir)) {
    let content: Buffer;
    try {
      if (statSync(file).size > 512 * 1024 * 1024) continue;
      content = readFileSync(file);
    } catch {
      continue; // a lock or socket file that vanished with the browser
    }
    result.files++;
    result.bytes += content.length;
    for (const { label, forms } of needles) {
      for (const form of forms) {
        if (content.includes(form.bytes)) result.hits[label]?.push(`${file.slice(dir.length + 1)} (${form.name})`);
      }
    }
  }
  return result;
}
