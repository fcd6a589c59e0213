import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { newCustomProviderId } from '@/lib/catalogue/provider-ref';
import type { MessageKey } from '@/lib/i18n/translate';
import { looksLikeKey } from '@/lib/keys/key-shape';
import {
  baseUrlProblem,
  type CustomProvider,
  type CustomProviderProblem,
  customProviderSchema,
  TOKEN_PARAMETERS,
  type TokenParameter,
} from '@/lib/settings/custom-providers';
import { checkUserUrl, originPattern } from '@/lib/settings/origins';
import { useT } from '../settings-context';
import { SaveOrCancel } from './save-failures';

type Field = 'name' | 'baseUrl' | 'defaultModel';
type Problems = Partial<Record<Field | 'permission', string>>;

const problemKey = (problem: CustomProviderProblem) => `options.custom.problem.${problem}` as MessageKey;

/** Field-by-field problems, each worded for the user; none means the provider may be saved. */
function check(draft: { name: string; baseUrl: string; defaultModel: string }): Partial<Record<Field, CustomProviderProblem>> {
  const problems: Partial<Record<Field, CustomProviderProblem>> = {};
  if (!draft.name.trim()) problems.name = 'name-required';
  else if (looksLikeKey(draft.name)) problems.name = 'key-shaped';
  const url = baseUrlProblem(draft.baseUrl.trim());
  if (url) problems.baseUrl = url;
  if (looksLikeKey(draft.defaultModel)) problems.defaultModel = 'key-shaped';
  return problems;
}

/**
 * Adds or edits one custom provider. Saving asks the browser for access to a new origin inside
 * the click (permission requests need the user's gesture); the provider is stored only once
 * that access is granted, and never with a key in any field.
 */
export function CustomProviderForm(props: { initial?: CustomProvider; onSave(provider: CustomProvider): Promise<void>; onCancel(): void }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(props.initial?.baseUrl ?? '');
  const [needsKey, setNeedsKey] = useState(props.initial?.needsKey ?? false);
  const [defaultModel, setDefaultModel] = useState(props.initial?.defaultModel ?? '');
  const [tokenParameter, setTokenParameter] = useState<TokenParameter>(props.initial?.tokenParameter ?? 'max_tokens');
  const [problems, setProblems] = useState<Problems>({});

  const save = async () => {
    const found = check({ name, baseUrl, defaultModel });
    const worded: Problems = Object.fromEntries(Object.entries(found).map(([field, problem]) => [field, t(problemKey(problem))]));
    setProblems(worded);
    if (Object.keys(worded).length > 0) return;
    const url = checkUserUrl(baseUrl.trim());
    if (url.ok && url.needsPermission) {
      // First await of the click: the browser still sees the user's gesture.
      const granted = await browser.permissions.request({ origins: [originPattern(url.origin)] }).catch(() => false);
      if (!granted) {
        setProblems({ permission: t('options.permissionDenied', { origin: url.origin }) });
        return;
      }
    }
    const parsed = customProviderSchema.safeParse({
      id: props.initial?.id ?? newCustomProviderId(),
      name,
      baseUrl: baseUrl.trim().replace(/\/+$/, ''),
      needsKey,
      ...(defaultModel.trim() ? { defaultModel } : {}),
      tokenParameter,
    });
    if (!parsed.success) {
      setProblems({ name: t('options.custom.problem.url-invalid') });
      return;
    }
    await props.onSave(parsed.data);
  };

  const text = (field: Field, label: string, value: string, set: (value: string) => void, help?: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={problems[field] ? `${id}-${field}-error` : undefined}
        onChange={(event) => set(event.target.value)}
      />
      {help ? <p className="hint">{help}</p> : null}
      {problems[field] ? (
        <p id={`${id}-${field}-error`} className="field-error" role="alert">
          {problems[field]}
        </p>
      ) : null}
    </div>
  );

  return (
    <fieldset className="custom-provider-form">
      <legend>{props.initial ? t('options.custom.edit') : t('options.custom.add')}</legend>
      {text('name', t('options.custom.name'), name, setName)}
      {text('baseUrl', t('options.custom.baseUrl'), baseUrl, setBaseUrl, t('options.custom.baseUrl.help'), 'url')}
      <label className="inline">
        <input type="checkbox" checked={needsKey} onChange={(event) => setNeedsKey(event.target.checked)} />
        {t('options.custom.needsKey')}
      </label>
      {text('defaultModel', t('options.custom.defaultModel'), defaultModel, setDefaultModel)}
      <div className="field">
        <label htmlFor={`${id}-token`}>{t('options.custom.tokenParameter')}</label>
        <select id={`${id}-token`} value={tokenParameter} onChange={(event) => setTokenParameter(event.target.value as TokenParameter)}>
          {TOKEN_PARAMETERS.map((parameter) => (
            <option key={parameter} value={parameter}>
              {t(`options.custom.tokenParameter.${parameter}`)}
            </option>
          ))}
        </select>
      </div>
      {problems.permission ? (
        <p className="field-error" role="alert">
          {problems.permission}
        </p>
      ) : null}
      <SaveOrCancel onSave={save} onCancel={props.onCancel} />
    </fieldset>
  );
}
