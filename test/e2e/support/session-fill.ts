import type { Worker } from '@playwright/test';

/**
 * Fills storage.session from the worker (as another part of the extension, or a bug, might)
 * until only `free` bytes of its quota are left, under a name the extension does not know and
 * cannot evict. Returns Chrome's own count of what is used and the quota.
 */
export async function fillSessionTo(worker: Worker, free: number): Promise<{ used: number; quota: number }> {
  return worker.evaluate(async (left) => {
    const session = chrome.storage.session;
    const quota = session.QUOTA_BYTES;
    await session.remove('someone-elses-data');
    const used = await session.getBytesInUse(null);
    // About a key's length plus its value as JSON; then corrected by Chrome's own count.
    let size = Math.max(0, quota - used - left - 'someone-elses-data'.length - 2);
    await session.set({ 'someone-elses-data': 'x'.repeat(size) });
    size = Math.max(0, size + (quota - (await session.getBytesInUse(null))) - left);
    // Chrome's quota check and its count can differ by a few bytes: step back until it fits.
    for (;;) {
      try {
        await session.set({ 'someone-elses-data': 'x'.repeat(size) });
        break;
      } catch (error) {
        if (size === 0 || !String(error).includes('quota')) throw error;
        size = Math.max(0, size - 16);
      }
    }
    return { used: await session.getBytesInUse(null), quota };
  }, free);
}

export async function sessionBytesFree(worker: Worker): Promise<number> {
  return worker.evaluate(async () => chrome.storage.session.QUOTA_BYTES - (await chrome.storage.session.getBytesInUse(null)));
}
