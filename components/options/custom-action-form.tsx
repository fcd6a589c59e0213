import { useId, useState } from 'react';
import { type CustomAction, customActionSchema, keyShapedField, newActionId, PLACEMENTS, type Placement } from '@/lib/actions/schema';
import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import type { MessageKey } from '@/lib/i18n/translate';
import { ProviderOptions } from '../forms/provider-options';
import { useSettings, useT } from '../settings-context';
import { SaveOrCancel } from './save-failures';

type Field = 'name' | 'template' | 'model';

/** Adds or edits one action. Nothing shaped like a key is saved in any field (all of it is on disk). */
export function CustomActionForm(props: { initial?: CustomAction; onSave(action: CustomAction): Promise<void>; onCancel(): void }) {
  const t = useT();
  const { settings } = useSettings();
  const id = useId();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [template, setTemplate] = useState(props.initial?.template ?? '');
  const [provider, setProvider] = useState<ProviderRef | ''>(props.initial?.provider ?? '');
  const [model, setModel] = useState(props.initial?.model ?? '');
  const [placement, setPlacement] = useState<Placement>(props.initial?.placement ?? 'both');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const save = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('options.actions.problem.name-required');
    if (!template.trim()) found.template = t('options.actions.problem.template-required');
    const keyed = keyShapedField({ name, template, model });
    if (keyed) found[keyed] = t('options.actions.problem.key-shaped');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const parsed = customActionSchema.safeParse({
      id: props.initial?.id ?? newActionId(),
      name,
      template,
      placement,
      ...(provider ? { provider } : {}),
      ...(provider && model.trim() ? { model } : {}),
    });
    if (parsed.success) await props.onSave(parsed.data);
  };

  const problem = (field: Field) =>
    problems[field] ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {problems[field]}
      </p>
    ) : null;
  const described = (field: Field) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <fieldset className="custom-action-form">
      <legend>{props.initial ? t('options.custom.edit') : t('options.actions.add')}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('options.actions.name')}</label>
        <input id={`${id}-name`} value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} {...described('name')} />
        {problem('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('options.actions.template')}</label>
        <textarea
          id={`${id}-template`}
          rows={5}
          value={template}
          onChange={(event) => setTemplate(event.target.value)}
          {...described('template')}
        />
        <p className="hint">{t('options.actions.intro')}</p>
        {problem('template')}
      </div>
      <div className="row wrap">
        <div className="field">
          <label htmlFor={`${id}-provider`}>{t('options.actions.provider')}</label>
          <select id={`${id}-provider`} value={provider} onChange={(event) => setProvider(event.target.value as ProviderRef | '')}>
            <option value="">{t('options.actions.provider.default')}</option>
            <ProviderOptions settings={settings} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-model`}>{t('options.actions.model')}</label>
          <input
            id={`${id}-model`}
            value={model}
            spellCheck={false}
            disabled={!provider}
            onChange={(event) => setModel(event.target.value)}
            {...described('model')}
          />
          {problem('model')}
        </div>
      </div>
      <fieldset className="field">
        <legend>{t('options.actions.placement')}</legend>
        {PLACEMENTS.map((value) => (
          <label key={value} className="inline">
            <input type="radio" name={`${id}-placement`} checked={placement === value} onChange={() => setPlacement(value)} />
            {t(`options.actions.placement.${value}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <SaveOrCancel onSave={save} onCancel={props.onCancel} />
    </fieldset>
  );
}
