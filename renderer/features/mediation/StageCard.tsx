/*
 * One five-heart stage: required fields done / missing, the four-step prompts as guidance, the form with
 * its confidentiality switch, and the notes recorded so far (caucus notes visibly marked). In the party
 * view only main-file notes are shown and nothing can be edited. A note is corrected by a new version
 * (NoteCorrection); the versions it replaced stay readable under it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState, Note } from '#shared/case/index';
import { isMainFile } from '#shared/case/selectors';
import {
  FOUR_STEP_PROMPTS,
  missingInStage,
  requiredCount,
  stageNotes,
  type StageForm as StageFormConfig,
} from '#shared/documents/five-heart';
import { ConfBadge, ConfSwitch, confOf, type ConfChoice } from './ConfSwitch';
import { NoteCorrection } from './NoteCorrection';
import { OfferLedger } from './OfferLedger';
import { StageForm, toFields, type FieldValues } from './StageForm';
import type { CaseTools } from './use-case-tools';

const show = (v: unknown): string => (Array.isArray(v) ? v.join('、') : v === true ? '✓' : String(v));

function NoteFields({ note, form }: { note: Note; form: StageFormConfig }) {
  return (
    <dl>
      {form.fields
        .filter((f) => note.fields[f.key] !== undefined)
        .map((f) => (
          <div key={f.key}>
            <dt>{f.zh}</dt>
            <dd>{show(note.fields[f.key])}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The versions a note replaced, newest first (each names the one before it). */
function earlierVersions(note: Note, state: CaseState): Note[] {
  const out: Note[] = [];
  for (let id = note.corrects; id !== null;) {
    const prev = state.notes.find((n) => n.eventId === id);
    if (prev === undefined) break;
    out.push(prev);
    id = prev.corrects;
  }
  return out;
}

const when = (n: Note): string => n.recordedAt?.slice(0, 16).replace('T', ' ') ?? '';

function NoteItem({
  note,
  form,
  state,
  tools,
  caseId,
  presenting,
}: {
  note: Note;
  form: StageFormConfig;
  state: CaseState;
  tools: CaseTools;
  caseId: string;
  presenting: boolean;
}) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const caucus = note.conf.startsWith('caucus:');
  const earlier = presenting ? [] : earlierVersions(note, state);
  return (
    <li className={`note${caucus ? ' note--caucus' : ''}`} data-testid="note" data-conf={note.conf}>
      <ConfBadge conf={note.conf} state={state} />
      <span className="muted"> {when(note)}</span>
      {note.corrects !== null && !presenting && (
        <span className="badge badge--warn" data-testid="note-corrected">
          {t('mediation.correct.corrected', { reason: note.reason ?? '—' })}
        </span>
      )}
      {correcting ? (
        <NoteCorrection
          note={note}
          form={form}
          state={state}
          tools={tools}
          caseId={caseId}
          onDone={() => {
            setCorrecting(false);
          }}
        />
      ) : (
        <NoteFields note={note} form={form} />
      )}
      {!presenting && !correcting && (
        <button
          type="button"
          className="btn"
          data-testid="note-correct"
          onClick={() => {
            setCorrecting(true);
          }}
        >
          {t('mediation.correct.open')}
        </button>
      )}
      {earlier.length > 0 && (
        <details className="note-history" data-testid="note-history">
          <summary>{t('mediation.correct.earlier', { count: earlier.length })}</summary>
          {earlier.map((v) => (
            <div key={v.eventId} className="note-history__version">
              <ConfBadge conf={v.conf} state={state} />
              <span className="muted"> {when(v)}</span>
              {v.reason !== undefined && <span className="muted"> · {v.reason}</span>}
              <NoteFields note={v} form={form} />
            </div>
          ))}
        </details>
      )}
    </li>
  );
}

export function StageCard({
  form,
  tools,
  state,
  caseId,
  presenting,
}: {
  form: StageFormConfig;
  tools: CaseTools;
  state: CaseState;
  caseId: string;
  presenting: boolean;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FieldValues>({});
  const [conf, setConf] = useState<ConfChoice>({
    level: form.stage === 3 ? 'internal' : 'public',
    partyId: '',
  });
  const [message, setMessage] = useState<string | null>(null);
  const missing = missingInStage(state, form.stage);
  const total = requiredCount(form.stage);
  const notes = stageNotes(state, form.stage).filter((n) => !presenting || isMainFile(n.conf));
  const step = FOUR_STEP_PROMPTS.find((p) => p.stage === form.stage);
  const fields = presenting ? [] : form.fields;

  const save = async () => {
    const fieldsOut = toFields(values, fields);
    if (Object.keys(fieldsOut).length === 0) {
      setMessage(t('mediation.stage.nothingToSave'));
      return;
    }
    const c = confOf(conf);
    if (c === null) {
      setMessage(t('mediation.conf.needParty'));
      return;
    }
    if (
      c === 'public' &&
      form.fields.some((f) => f.internalOnly === true && fieldsOut[f.key] !== undefined)
    ) {
      setMessage(t('mediation.conf.internalOnly'));
      return;
    }
    const sessionId = typeof fieldsOut['session'] === 'string' ? fieldsOut['session'] : undefined;
    const ok = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: c,
        payload: {
          noteId: tools.newId(),
          method: 'five_heart',
          stage: form.stage,
          fields: fieldsOut,
          recordedAt: tools.nowIso(),
          ...(sessionId === undefined ? {} : { sessionId }),
          ...(conf.level === 'caucus' ? { partyId: conf.partyId } : {}),
        },
      },
    ]);
    if (ok) {
      setValues({});
      setMessage(t('mediation.saved'));
    }
  };

  return (
    <section className="stage-card" data-testid={`stage-${String(form.stage)}`}>
      <header className="stage-card__head">
        <h3>
          {form.stage}. {form.zh}
        </h3>
        <span className={`status-pill ${missing.length === 0 ? 'status-pill--ok' : 'status-pill--warn'}`}>
          {t('mediation.stage.required', { done: total - missing.length, total })}
        </span>
      </header>
      <p className="muted">{form.purposeZh}</p>
      {missing.length > 0 && form.stage <= 4 && !presenting && (
        <p className="stage-missing" data-testid={`stage-${String(form.stage)}-missing`}>
          {t('mediation.stage.missingList', { list: missing.map((m) => m.zh).join('、') })}
        </p>
      )}
      {step && !presenting && (
        <details className="four-step">
          <summary>{t('mediation.stage.guidance', { step: step.zh })}</summary>
          <p>{step.prompts}</p>
        </details>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t('mediation.stage.noNotes')}</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <NoteItem
              key={n.eventId}
              note={n}
              form={form}
              state={state}
              tools={tools}
              caseId={caseId}
              presenting={presenting}
            />
          ))}
        </ul>
      )}
      {form.stage === 4 && (
        <OfferLedger tools={tools} state={state} caseId={caseId} presenting={presenting} />
      )}
      {!presenting && (
        <details className="stage-new" open={notes.length === 0}>
          <summary>{t('mediation.stage.newNote')}</summary>
          <StageForm
            fields={fields}
            values={values}
            onChange={setValues}
            state={state}
            idPrefix={`s${String(form.stage)}`}
          />
          <ConfSwitch value={conf} onChange={setConf} state={state} idPrefix={`s${String(form.stage)}`} />
          <button
            type="button"
            className="btn btn-primary"
            data-testid={`stage-${String(form.stage)}-save`}
            disabled={tools.busy}
            onClick={() => void save()}
          >
            {t('mediation.stage.save')}
          </button>
          {message !== null && (
            <p role="status" className="form-message">
              {message}
            </p>
          )}
        </details>
      )}
    </section>
  );
}
