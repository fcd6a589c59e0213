import type { Settings } from '@/lib/settings/schema';
import { providerChoices } from '@/lib/settings/resolve-provider';
import { useT } from '../settings-context';

/** The <option>s of every provider picker: the built-in ones, then the user's own (custom) ones. */
export function ProviderOptions({ settings }: { settings: Pick<Settings, 'customProviders' | 'baseUrls'> }) {
  const t = useT();
  const choices = providerChoices(settings);
  const builtIn = choices.filter((choice) => !choice.custom);
  const custom = choices.filter((choice) => choice.custom);
  const option = (choice: (typeof choices)[number]) => (
    <option key={choice.id} value={choice.id}>
      {choice.label}
    </option>
  );
  if (custom.length === 0) return <>{builtIn.map(option)}</>;
  return (
    <>
      <optgroup label={t('provider.builtIn')}>{builtIn.map(option)}</optgroup>
      <optgroup label={t('provider.custom')}>{custom.map(option)}</optgroup>
    </>
  );
}
