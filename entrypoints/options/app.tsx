import { CustomActionsSection } from '@/components/options/custom-actions-section';
import { CustomProvidersSection } from '@/components/options/custom-providers-section';
import { DefaultsSection } from '@/components/options/defaults-section';
import { KeysSection } from '@/components/options/keys-section';
import { GeneralSection } from '@/components/options/general-section';
import { ProvidersSection } from '@/components/options/providers-section';
import { ServerSection } from '@/components/options/server-section';
import { SaveFailures } from '@/components/options/save-failures';
import { useT } from '@/components/settings-context';

export function App() {
  const t = useT();
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <SaveFailures>
        <GeneralSection />
        <KeysSection />
        <ServerSection />
        <DefaultsSection />
        <ProvidersSection />
        <CustomProvidersSection />
        <CustomActionsSection />
      </SaveFailures>
    </main>
  );
}
