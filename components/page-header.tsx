import { browser } from 'wxt/browser';
import { useT } from './settings-context';

export function PageHeader() {
  const t = useT();
  return (
    <header className="page-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>{t('app.name')}</h1>
      <span className="tagline">{t('app.tagline')}</span>
      <span className="spacer" />
      <button type="button" className="small" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('action.options')}
      </button>
    </header>
  );
}
