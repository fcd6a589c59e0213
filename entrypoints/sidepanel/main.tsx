import './early';
import { mount } from '@/components/mount';
import { App } from './app';

// Mounted at once: React's first render overlaps the early reads, and the hooks take each
// value the moment it lands (the selection is filled in before the next paint).
mount(<App />);
