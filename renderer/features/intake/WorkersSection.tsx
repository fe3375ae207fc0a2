/*
 * 申请人: one row per worker (name, ID, mobile, amount). A collective case (≥ 10) is the same table,
 * usually filled by pasting from a spreadsheet; pasted rows are all kept and the bad cells marked.
 */
import { useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/field-message';
import { FieldError, invalidProps } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { COLLECTIVE_MIN, emptyWorker, type IntakeForm, type WorkerRow } from './intake-schema';
import { mergeRows, parseWorkerPaste, type PasteProblem } from './paste';

const COLUMNS = ['name', 'idNumber', 'phone', 'amount'] as const satisfies readonly (keyof WorkerRow)[];

export function WorkersSection() {
  const { t } = useTranslation();
  const text = useMessageText();
  const {
    register,
    getValues,
    formState: { errors },
  } = useFormContext<IntakeForm>();
  const { fields, append, remove, replace } = useFieldArray<IntakeForm>({ name: 'workers' });
  const [pasting, setPasting] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [report, setReport] = useState<{ added: number; problems: PasteProblem[] } | null>(null);

  const applyPaste = () => {
    const parsed = parseWorkerPaste(pasteText);
    if (parsed.rows.length > 0) {
      replace(mergeRows(getValues('workers'), parsed.rows));
      setPasteText('');
      setPasting(false);
    }
    setReport({ added: parsed.rows.length, problems: parsed.problems });
  };

  return (
    <section className="intake-section" aria-labelledby="sec-workers">
      <div className="intake-section__head">
        <h2 id="sec-workers">{t('intake.sections.workers')}</h2>
        <span className="muted" data-testid="worker-count">
          {t('intake.worker.count', { count: fields.length })}
        </span>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPasting((p) => !p);
          }}
          aria-expanded={pasting}
          data-testid="paste-open"
        >
          {t('intake.paste.open')}
        </button>
      </div>
      {fields.length >= COLLECTIVE_MIN ? <p className="notice">{t('intake.worker.collective')}</p> : null}
      {pasting ? (
        <div className="paste-panel">
          <label htmlFor="paste-area">{t('intake.paste.label')}</label>
          <textarea
            id="paste-area"
            className="input"
            rows={5}
            value={pasteText}
            onChange={(e) => {
              setPasteText(e.target.value);
            }}
            data-testid="paste-area"
          />
          <div className="row-actions">
            <button type="button" className="btn btn-primary" onClick={applyPaste} data-testid="paste-apply">
              {t('intake.paste.apply')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setPasting(false);
              }}
            >
              {t('intake.paste.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {report ? (
        <div
          className={`notice notice--compact${report.problems.length > 0 ? ' notice--danger' : ''}`}
          role="status"
          data-testid="paste-report"
        >
          {report.added > 0 ? <p>{t('intake.paste.added', { count: report.added })}</p> : null}
          {report.problems.length > 0 ? (
            <ul>
              {report.problems.map((p) => (
                <li key={`${String(p.line)}-${p.message}`}>{text(p.message)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="worker-table-wrap">
        <table className="worker-table" data-testid="worker-table">
          <thead>
            <tr>
              <th scope="col">{t('intake.worker.index')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`intake.worker.${c}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('intake.chain.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f.id}>
                <td className="num">{i + 1}</td>
                {COLUMNS.map((c) => {
                  const id = `workers-${String(i)}-${c}`;
                  const error = errors.workers?.[i]?.[c]?.message;
                  return (
                    <td key={c}>
                      <input
                        id={id}
                        className="input"
                        aria-label={`${t(`intake.worker.${c}`)} ${String(i + 1)}`}
                        inputMode={c === 'name' ? 'text' : c === 'amount' ? 'decimal' : 'numeric'}
                        {...register(`workers.${i}.${c}`)}
                        {...invalidProps(id, error)}
                        data-testid={id}
                      />
                      <FieldError id={id} error={error} />
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="btn btn-icon"
                    aria-label={t('intake.worker.remove', { n: i + 1 })}
                    onClick={() => {
                      remove(i);
                    }}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError id="workers" error={errors.workers?.message ?? errors.workers?.root?.message} />
      <button
        type="button"
        className="btn"
        onClick={() => {
          append(emptyWorker());
        }}
        data-testid="worker-add"
      >
        <Icon name="plus" />
        <span>{t('intake.worker.add')}</span>
      </button>
    </section>
  );
}
