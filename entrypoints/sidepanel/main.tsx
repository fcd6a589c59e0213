import { mount } from '@/components/mount';
import { App } from './app';

// Mounted at once: the early reads (entrypoints/early-reads.ts, started from the <head>) are
// under way or done, and the hooks take each value the moment it lands.
mount(<App />);
