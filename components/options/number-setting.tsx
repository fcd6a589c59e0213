import { useId } from 'react';
import { NumberInput } from '../forms/number-input';

/** A whole-number setting; values outside [min, max] are not saved while the user types. */
export function NumberSetting(props: { label: string; value: number; min: number; max: number; onChange(value: number): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <NumberInput
        id={id}
        min={props.min}
        max={props.max}
        value={props.value}
        onValue={(typed) => {
          const value = Math.round(typed);
          if (value >= props.min && value <= props.max) props.onChange(value);
        }}
      />
    </div>
  );
}
