import { LiveJob } from '@/lib/worker/engine/live-job';
import { runJob } from '@/lib/worker/engine/run-job';
import type { GenerateRequest, Job } from '@/lib/domain/job';
import type { Settings } from '@/lib/settings/schema';
import { settingsItem } from '@/lib/storage/items';
import { parseSettings } from '@/lib/settings/schema';

/** Runs one request through the real engine (routing, SDKs, fakes) and returns the finished job. */
export async function runRequest(
  request: Omit<GenerateRequest, 'surface'> & { surface?: GenerateRequest['surface'] },
  signal?: AbortSignal,
): Promise<Job> {
  const live = new LiveJob({
    id: crypto.randomUUID(),
    request: { surface: 'sidepanel', ...request },
    status: 'running',
    text: '',
    startedAt: Date.now(),
  });
  signal?.addEventListener('abort', () => live.controller.abort());
  await runJob(live, 'en');
  return live.job;
}

export async function useSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.setValue(parseSettings({ ...change }));
}
