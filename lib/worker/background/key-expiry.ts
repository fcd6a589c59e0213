import { browser } from 'wxt/browser';
import { forgetKeysIfIdle } from '../secrets/key-store';
import { readSettings } from '../../storage/items';

/** The alarm's name says what it does and nothing about any key. */
const ALARM = 'forget-idle-keys';

/**
 * Keys are forgotten after the idle time even if nothing of ours runs: an alarm checks
 * every minute (and every key read checks too, so a missed alarm changes nothing).
 */
export function scheduleKeyExpiry(): void {
  void browser.alarms?.create(ALARM, { periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    await forgetKeysIfIdle((await readSettings()).keyIdleMinutes);
  });
}
