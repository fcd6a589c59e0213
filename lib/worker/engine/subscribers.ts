import type { Browser } from 'wxt/browser';
import type { JobKind, Surface } from '../../domain/job';
import type { PortEvent } from '../../messaging/port-protocol';

type Port = Browser.runtime.Port;

/** The open pages of each surface (their ports), and the feature each one shows. */
const pages = new Map<Surface, Map<Port, JobKind | null>>();

/** Counts what pages would be told of (a job started or ended, a run queued): a snapshot read across it is stale. */
let changes = 0;

export function noteJobsChanged(): void {
  changes += 1;
}

export function jobsChangedCount(): number {
  return changes;
}

export function subscribe(surface: Surface, port: Port): void {
  let ports = pages.get(surface);
  if (!ports) {
    ports = new Map();
    pages.set(surface, ports);
  }
  if (ports.has(port)) return;
  ports.set(port, null);
  port.onDisconnect.addListener(() => ports.delete(port));
}

export function portsOf(surface: Surface): Port[] {
  return [...(pages.get(surface)?.keys() ?? [])];
}

export function setViewing(surface: Surface, port: Port, feature: JobKind | null): void {
  const ports = pages.get(surface);
  if (ports?.has(port)) ports.set(port, feature);
}

/** Whether an open page of the surface shows this feature now. */
export function isViewed(surface: Surface, feature: JobKind): boolean {
  return [...(pages.get(surface)?.values() ?? [])].includes(feature);
}

export function tell(surface: Surface, event: PortEvent): void {
  noteJobsChanged();
  for (const port of portsOf(surface)) {
    try {
      port.postMessage(event);
    } catch {
      // That page just closed.
    }
  }
}
