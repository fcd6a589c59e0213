import { useId } from 'react';
import type { FieldSpec } from '@/lib/features/types';
import { useT } from '../settings-context';
import { NumberInput } from './number-input';

export type FormValues = Record<string, unknown>;

interface FieldProps {
  field: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
  /** Ctrl+Enter (Cmd+Enter) in any field runs the feature. */
  onSubmit(): void;
  error?: string;
  inputRef?: (element: HTMLElement | null) => void;
}

function Field({ field, value, onChange, onSubmit, error, inputRef }: FieldProps) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const described = {
    ...(error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {}),
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit();
    },
  };
  let control: React.ReactNode;
  if (field.kind === 'textarea' || field.kind === 'text') {
    const Tag = field.kind === 'textarea' ? 'textarea' : 'input';
    control = (
      <Tag
        id={id}
        ref={inputRef}
        name={field.name}
        value={typeof value === 'string' ? value : ''}
        placeholder={field.placeholder ? t(field.placeholder) : undefined}
        rows={'rows' in field ? field.rows : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...described}
      />
    );
  } else if (field.kind === 'select') {
    control = (
      <select id={id} name={field.name} value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} {...described}>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.label)}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'number') {
    control = (
      <NumberInput
        id={id}
        name={field.name}
        min={field.min}
        max={field.max}
        step={field.step}
        value={Number(value ?? field.min)}
        onValue={onChange}
        {...described}
      />
    );
  } else {
    const selected = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className="field checkboxes">
        <legend>{t(field.label)}</legend>
        {field.options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, option.value] : selected.filter((item) => item !== option.value))
              }
            />
            {t(option.label)}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className={`field field-${field.kind}`}>
      <label htmlFor={id}>{t(field.label)}</label>
      {control}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A feature's form, rendered from its field list: one component for all five features. */
export function FeatureForm(props: {
  fields: readonly FieldSpec[];
  values: FormValues;
  onChange(values: FormValues): void;
  onSubmit(): void;
  errors: Record<string, string>;
  mainField: string;
  mainRef?: (element: HTMLElement | null) => void;
}) {
  return (
    <div className="feature-form">
      {props.fields.map((field) => (
        <Field
          key={field.name}
          field={field}
          value={props.values[field.name]}
          error={props.errors[field.name]}
          onChange={(value) => props.onChange({ ...props.values, [field.name]: value })}
          onSubmit={props.onSubmit}
          inputRef={field.name === props.mainField ? props.mainRef : undefined}
        />
      ))}
    </div>
  );
}
