import { browser } from 'wxt/browser';
import { attachPage, viewFeature } from '../engine/job-views';
import { cancelJob, dequeue, startJob } from '../engine/jobs';
import { log } from '../../log/logger';
import type { Surface } from '../../domain/job';
import { GENERATION_PORT, type PortCommand, portCommandSchema } from '../../messaging/port-protocol';
import { isTrustedSender } from '../../messaging/sender';

/**
 * One Port per open page. The page attaches to its surface and follows every job there;
 * closing the page disconnects the port but stops no job: answers finish and are kept for
 * when the page comes back. Only Stop (a cancel naming the job) stops one.
 */
export function listenForGenerations(): void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== GENERATION_PORT) return;
    if (!isTrustedSender(port.sender, browser.runtime.id, origin)) {
      log.warn('port from an untrusted sender refused');
      port.disconnect();
      return;
    }
    let surface: Surface | undefined;
    port.onMessage.addListener((raw: unknown) => {
      const command = portCommandSchema.safeParse(raw);
      if (!command.success) {
        log.warn('invalid port command refused');
        return;
      }
      surface = handle(command.data, port, surface);
    });
  });
}

function handle(command: PortCommand, port: Parameters<typeof attachPage>[1], surface: Surface | undefined): Surface | undefined {
  const failed = (error: unknown) => log.error('port command failed', { type: command.type, error });
  switch (command.type) {
    case 'attach':
      attachPage(command.surface, port).catch(failed);
      return command.surface;
    case 'start':
      // A page starts jobs on its own surface only.
      if (command.request.surface === surface) startJob(command.request, { ifBusy: command.ifBusy, port }).catch(failed);
      return surface;
    case 'cancel':
      cancelJob(command.jobId);
      return surface;
    case 'view':
      if (surface) viewFeature(surface, port, command.feature).catch(failed);
      return surface;
    case 'dequeue':
      if (surface) dequeue({ surface, feature: command.feature }).catch(failed);
      return surface;
  }
}
