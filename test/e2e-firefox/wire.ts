import type { FakeServer, RecordedRequest } from '../fakes/http';

/** Where a secret appeared in requests a fake received: header names, or "url" / "body". */
export function placesOf(secret: string, requests: RecordedRequest[]): string[] {
  const places: string[] = [];
  for (const request of requests) {
    if (request.url.includes(secret)) places.push('url');
    if (request.body.includes(secret)) places.push('body');
    for (const [name, value] of Object.entries(request.headers)) if (value.includes(secret)) places.push(name);
  }
  return [...new Set(places)];
}

/** For each fake, where the secret went: only the fakes it reached are listed. */
export function whereSent(secret: string, fakes: Record<string, FakeServer>): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const [name, fake] of Object.entries(fakes)) {
    const places = placesOf(secret, fake.requests);
    if (places.length) seen[name] = places;
  }
  return seen;
}

/** The last POST a fake received (the generation call). */
export function lastPost(fake: FakeServer): RecordedRequest | undefined {
  return fake.requests.filter((request) => request.method === 'POST').at(-1);
}
