/*
 * 更正笔记: a note is never edited. The mediator opens the note's form filled with what it says, changes
 * it, says why, and a new note.recorded names the event it corrects (same noteId, `corrects`, `reason`).
 * The old version stays in the record (shown under "earlier versions" and in the timeline); party
 * documents and the agreement gate read only the current version. The confidentiality level can be
 * changed too, which is how a note filed in the main file by mistake moves to the internal file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState, Note } from '#shared/case/index';
import type { StageForm as StageFormConfig } from '#shared/documents/five-heart';
import type { FreeFields } from '#shared/events/payload-common';
import { ConfSwitch, confOf, type ConfChoice } from './ConfSwitch';
import { StageForm, toFields, type FieldValues } from './StageForm';
import type { CaseTools } from './use-case-tools';

/** A note's fields as form values (numbers as text; empty values left out). */
export function valuesOf(fields: FreeFields): FieldValues {
  const out: FieldValues = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null) continue;
    out[k] = typeof v === 'number' ? String(v) : v;
  }
  return out;
}

const choiceOf = (note: Note): ConfChoice =>
  note.conf.startsWith('caucus:')
    ? { level: 'caucus', partyId: note.conf.slice('caucus:'.length) }
    : { level: note.conf === 'internal' ? 'internal' : 'public', partyId: '' };

export function NoteCorrection({
  note,
  form,
  state,
  tools,
  caseId,
  onDone,
}: {
  note: Note;
  form: StageFormConfig;
  state: CaseState;
  tools: CaseTools;
  caseId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FieldValues>(() => valuesOf(note.fields));
  const [conf, setConf] = useState<ConfChoice>(() => choiceOf(note));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const prefix = `fix-${note.eventId}`;

  /** Why the correction cannot be saved as typed, or null. */
  const refusal = (fields: FreeFields, c: string | null): string | null => {
    if (reason.trim() === '') return t('mediation.correct.needReason');
    if (Object.keys(fields).length === 0) return t('mediation.stage.nothingToSave');
    if (c === null) return t('mediation.conf.needParty');
    if (c === 'public' && form.fields.some((f) => f.internalOnly === true && fields[f.key] !== undefined))
      return t('mediation.conf.internalOnly');
    return null;
  };

  const save = async () => {
    const fields = toFields(values, form.fields);
    const c = confOf(conf);
    const refused = refusal(fields, c);
    setMessage(refused);
    if (refused !== null || c === null) return;
    const session = typeof fields['session'] === 'string' ? fields['session'] : note.sessionId;
    const stored = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: c,
        payload: {
          noteId: note.noteId,
          method: note.method,
          stage: note.stage,
          fields,
          recordedAt: tools.nowIso(),
          corrects: note.eventId,
          reason,
          ...(session === undefined ? {} : { sessionId: session }),
          ...(conf.level === 'caucus' ? { partyId: conf.partyId } : {}),
        },
      },
    ]);
    if (stored) onDone();
  };

  return (
    <div className="note-correction" data-testid="note-correction">
      <StageForm fields={form.fields} values={values} onChange={setValues} state={state} idPrefix={prefix} />
      <ConfSwitch value={conf} onChange={setConf} state={state} idPrefix={prefix} />
      <label className="field">
        <span className="field-label">
          {t('mediation.correct.reason')}
          <span className="required" aria-label="必填">
            ★
          </span>
        </span>
        <input
          data-testid="note-correction-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </label>
      <div className="row-form">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="note-correction-save"
          disabled={tools.busy}
          onClick={() => void save()}
        >
          {t('mediation.correct.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('mediation.correct.cancel')}
        </button>
      </div>
      {message !== null && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
    </div>
  );
}
