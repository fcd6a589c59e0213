import { useId, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { useSettings, useT } from '../settings-context';
import { useSaveReport } from './save-failures';
import { UrlField } from './url-field';

/** The Grompt server: URL, prefix, "Test connection", and routing when a key is also present. */
export function ServerSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const prefixId = useId();
  const save = useSaveReport();
  const [result, setResult] = useState<{ text: string; error: boolean } | undefined>();
  const server = settings.server;
  const test = async () => {
    setResult(undefined);
    const reply = await request('server.test', { url: server.url });
    setResult(
      reply.ok
        ? {
            text: t('options.testOk', { prefix: reply.value.prefix, version: reply.value.version ? ` (v${reply.value.version})` : '' }),
            error: false,
          }
        : { text: reply.error.message, error: true },
    );
  };
  const setServer = (change: Partial<typeof server>) => update((current) => ({ ...current, server: { ...current.server, ...change } }));
  return (
    <section aria-labelledby="server-heading">
      <h2 id="server-heading">{t('options.server')}</h2>
      <UrlField
        label={t('options.serverUrl')}
        help={t('options.serverUrl.help', { prefix: server.prefix === 'auto' ? '/api/v1' : server.prefix })}
        placeholder="http://localhost:8080"
        value={server.url}
        onSave={(url) => setServer({ url })}
      />
      <div className="field">
        <label htmlFor={prefixId}>{t('options.prefix')}</label>
        <select
          id={prefixId}
          value={server.prefix}
          onChange={(event) => save(setServer({ prefix: event.target.value as typeof server.prefix }))}
        >
          <option value="auto">{t('options.prefix.auto')}</option>
          <option value="/api/v1">/api/v1</option>
          <option value="/api">/api</option>
        </select>
      </div>
      <div className="row">
        <button type="button" disabled={!server.url} onClick={() => void test()}>
          {t('action.testConnection')}
        </button>
        {result ? (
          <p className={result.error ? 'field-error' : 'hint success'} role={result.error ? 'alert' : 'status'}>
            {result.text}
          </p>
        ) : null}
      </div>
      <fieldset className="field">
        <legend>{t('options.routing')}</legend>
        {(['direct', 'server'] as const).map((routing) => (
          <label key={routing} className="inline">
            <input type="radio" name="routing" checked={server.routing === routing} onChange={() => save(setServer({ routing }))} />
            {t(`options.routing.${routing}`)}
          </label>
        ))}
      </fieldset>
      {settings.customProviders.length > 0 ? <p className="hint">{t('options.routing.customNote')}</p> : null}
    </section>
  );
}
