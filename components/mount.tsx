import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { SettingsProvider } from './settings-context';
import './styles.css';
import './jobs.css';

/** Every page starts the same way: settings and language first, then the page. */
export function mount(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <SettingsProvider>{page}</SettingsProvider>
    </StrictMode>,
  );
}
