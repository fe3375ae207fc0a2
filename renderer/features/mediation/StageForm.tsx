/* The fields of one five-heart stage form (domain.md §5.1), rendered from shared/documents' config. */
import type { CaseState } from '#shared/case/index';
import type { StageField } from '#shared/documents/five-heart';
import type { FreeFields } from '#shared/events/payload-common';
import { assertNever } from '#shared/util/assert-never';

export type FieldValues = Record<string, string | boolean | string[]>;

/** Only the filled values, as note fields (numbers for number fields). */
export function toFields(values: FieldValues, fields: readonly StageField[]): FreeFields {
  const out: FreeFields = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[f.key] = f.kind === 'number' && typeof v === 'string' ? Number(v) : v;
  }
  return out;
}

export function StageForm({
  fields,
  values,
  onChange,
  state,
  idPrefix,
}: {
  fields: readonly StageField[];
  values: FieldValues;
  onChange: (v: FieldValues) => void;
  state: CaseState;
  idPrefix: string;
}) {
  const set = (key: string, v: string | boolean | string[]) => {
    onChange({ ...values, [key]: v });
  };
  return (
    <div className="stage-form">
      {fields.map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const label = (
          <span className="field-label">
            {f.zh}
            {f.required && (
              <span className="required" aria-label="必填">
                ★
              </span>
            )}
          </span>
        );
        const v = values[f.key];
        switch (f.kind) {
          case 'check':
            return (
              <label key={f.key} className="field field--check">
                <input
                  type="checkbox"
                  data-testid={id}
                  checked={v === true}
                  onChange={(e) => {
                    set(f.key, e.target.checked);
                  }}
                />
                {label}
              </label>
            );
          case 'longtext':
            return (
              <label key={f.key} className="field">
                {label}
                <textarea
                  data-testid={id}
                  rows={3}
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => {
                    set(f.key, e.target.value);
                  }}
                />
              </label>
            );
          case 'select': {
            const options =
              f.key === 'session'
                ? state.sessions.map((s) => ({
                    value: s.sessionId,
                    label: `${s.start.slice(0, 16)} ${s.place ?? ''}`,
                  }))
                : (f.options ?? []).map((o) => ({ value: o, label: o }));
            return (
              <label key={f.key} className="field">
                {label}
                <select
                  data-testid={id}
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => {
                    set(f.key, e.target.value);
                  }}
                >
                  <option value="">—</option>
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            );
          }
          case 'multi': {
            const list = Array.isArray(v) ? v : [];
            return (
              <fieldset key={f.key} className="field field--multi" data-testid={id}>
                <legend>{label}</legend>
                {(f.options ?? []).map((o) => (
                  <label key={o}>
                    <input
                      type="checkbox"
                      checked={list.includes(o)}
                      onChange={(e) => {
                        set(f.key, e.target.checked ? [...list, o] : list.filter((x) => x !== o));
                      }}
                    />
                    {o}
                  </label>
                ))}
              </fieldset>
            );
          }
          case 'text':
          case 'number':
            return (
              <label key={f.key} className="field">
                {label}
                <input
                  data-testid={id}
                  type={f.kind === 'number' ? 'number' : 'text'}
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => {
                    set(f.key, e.target.value);
                  }}
                />
              </label>
            );
          default:
            return assertNever(f.kind);
        }
      })}
    </div>
  );
}
