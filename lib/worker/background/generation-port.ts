import { browser } from 'wxt/browser';
import { attachToJob, cancelJob, startJob } from '../engine/jobs';
import { log } from '../../log/logger';
import type { Surface } from '../../domain/job';
import { GENERATION_PORT, type PortEvent, portCommandSchema } from '../../messaging/port-protocol';
import { isTrustedSender } from '../../messaging/sender';

/**
 * One Port per generation. Closing the page disconnects the port but does not stop the
 * job: the answer is finished and kept for when the page comes back. Stop cancels it.
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
    const send = (event: PortEvent) => port.postMessage(event);
    port.onMessage.addListener((raw: unknown) => {
      const command = portCommandSchema.safeParse(raw);
      if (!command.success) {
        send({ type: 'error', error: { kind: 'invalid-input', message: 'Invalid command.', retryable: false } });
        return;
      }
      const { data } = command;
      if (data.type === 'start') {
        surface = data.request.surface;
        void startJob(data.request, port);
      } else if (data.type === 'attach') {
        surface = data.surface;
        void attachToJob(data.surface, port).then((found) => found || send({ type: 'idle' }));
      } else if (surface) {
        cancelJob(surface);
      }
    });
  });
}
