import { startEarlyReads } from '@/components/early-reads';

// Imported first by main.tsx: these reads start before React is even evaluated.
startEarlyReads('popup', { selection: true });
