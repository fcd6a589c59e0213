import { useId } from 'react';

/** A whole-number setting; values outside [min, max] are not saved while the user types. */
export function NumberSetting(props: { label: string; value: number; min: number; max: number; onChange(value: number): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(event) => {
          const value = Math.round(Number(event.target.value));
          if (value >= props.min && value <= props.max) props.onChange(value);
        }}
      />
    </div>
  );
}
