import { startEarlyReads } from '@/components/early-reads';

// Imported first by main.tsx, and free of schema and React code: these reads start before
// React and the rest of the page are evaluated, and run while they are.
startEarlyReads('popup', { selection: true });
