import { useState } from 'react';
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/settings/origins';
import { useT } from '../settings-context';

/**
 * "Grant access" after the user withdrew the extension's access to a base URL or server
 * origin: asks the browser again (inside the click, as permission requests need a user
 * gesture) and, once granted, runs the request again.
 */
export function GrantAccessButton({ origin, onGranted }: { origin: string; onGranted(): void }) {
  const t = useT();
  const [refused, setRefused] = useState(false);
  const grant = async () => {
    setRefused(false);
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
    if (granted) onGranted();
    else setRefused(true);
  };
  return (
    <>
      <button type="button" onClick={() => void grant()}>
        {t('action.grantAccess')}
      </button>
      {refused ? (
        <span className="hint" role="status">
          {t('answer.accessNotGranted', { origin })}
        </span>
      ) : null}
    </>
  );
}
