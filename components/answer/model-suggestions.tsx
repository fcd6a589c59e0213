import { isProviderId, PROVIDERS } from '@/lib/catalogue/providers';
import type { GromptError } from '@/lib/errors/kinds';
import { useT } from '../settings-context';

/** After "model not found": the models the provider has, each one click to switch to and run again. */
export function ModelSuggestions({ error, onUseModel }: { error: GromptError; onUseModel?: (model: string) => void }) {
  const t = useT();
  if (!onUseModel || !error.suggestions?.length) return null;
  const provider = error.provider && isProviderId(error.provider) ? PROVIDERS[error.provider].label : t('options.server');
  return (
    <div className="model-suggestions">
      <p>{t('error.suggestions', { provider })}</p>
      <div className="row wrap">
        {error.suggestions.map((model) => (
          <button key={model} type="button" className="small" onClick={() => onUseModel(model)}>
            {t('action.useModel', { model })}
          </button>
        ))}
      </div>
    </div>
  );
}
