// Bench only (built with GROMPT_BENCH=1, never shipped): the cheapest React 19 page this
// toolchain can make, one focused input, against which `npm run bench` compares the popup.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(<input aria-label="Baseline" ref={(element) => element?.focus()} />);
