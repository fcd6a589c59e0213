import type { InputHTMLAttributes } from 'react';

type NumberInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: number;
  /** The typed value as a number (NaN while the field is empty); the caller decides what to keep. */
  onValue(value: number): void;
};

/** The one number input of our forms (feature options and settings). */
export function NumberInput({ value, onValue, ...props }: NumberInputProps) {
  return <input {...props} type="number" value={value} onChange={(event) => onValue(Number(event.target.value))} />;
}
