/*
 * A labelled form field with its error beside it (from the form's checks, in the UI language: see
 * i18n/field-message). The control is passed in as a child; `id` ties label, control and message
 * together for screen readers.
 */
import type { ReactNode } from 'react';
import { useMessageText } from '../i18n/field-message';

type FieldProps = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
  wide?: boolean;
};

export function Field({ id, label, error, hint, children, wide }: FieldProps) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? <span className="field-hint">{hint}</span> : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The message under a control; `${id}-error` is what the control's aria-describedby names. */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  const text = useMessageText();
  if (!error) return null;
  return (
    <span className="field-error" id={`${id}-error`} role="alert" data-testid={`error-${id}`}>
      {text(error)}
    </span>
  );
}

/** Props that mark a control invalid and point it at its message. */
export const invalidProps = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
