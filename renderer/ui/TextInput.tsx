/*
 * The two controls forms write most often, as one labelled block each (the label wraps the control, as
 * in the case tabs): `TextInput` hands back the typed string, `SelectField` hands back one of its own
 * option values — the DOM's string is looked up in the options, never cast, so a value the form does not
 * offer can never reach the caller. `Field` (Field.tsx) is the variant with an error line beneath.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';

type Common = {
  label: ReactNode;
  testId?: string | undefined;
  wide?: boolean | undefined;
  /** Extra class on the label (e.g. `field--check`). */
  className?: string | undefined;
};

const fieldClass = (c: Common): string =>
  ['field', c.wide === true ? 'field--wide' : '', c.className ?? ''].filter((x) => x !== '').join(' ');

export type TextInputProps = Common & {
  value: string;
  onChange: (value: string) => void;
  /** Anything else the input needs (type, inputMode, placeholder, onKeyDown, aria-*); not value/onChange. */
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> | undefined;
};

export function TextInput(p: TextInputProps) {
  return (
    <label className={fieldClass(p)}>
      {p.label}
      <input
        {...p.input}
        data-testid={p.testId}
        value={p.value}
        onChange={(e) => {
          p.onChange(e.target.value);
        }}
      />
    </label>
  );
}

export type SelectOption<T extends string> = { readonly value: T; readonly label: string };

export type SelectFieldProps<T extends string> = Common & {
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean | undefined;
};

/** The option whose value is `raw`, or undefined: the checked way from a DOM string to a typed value. */
export function optionFor<T extends string>(
  options: readonly SelectOption<T>[],
  raw: string,
): SelectOption<T> | undefined {
  return options.find((o) => o.value === raw);
}

export function SelectField<T extends string>(p: SelectFieldProps<T>) {
  return (
    <label className={fieldClass(p)}>
      {p.label}
      <select
        data-testid={p.testId}
        value={p.value}
        disabled={p.disabled}
        onChange={(e) => {
          const o = optionFor(p.options, e.target.value);
          if (o) p.onChange(o.value);
        }}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
