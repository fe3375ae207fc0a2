/*
 * 当事人: each party with its current facts (ID, phone and address masked; 显示 records audit.revealed
 * before the value shows), its correction history (old → new, with the reason), a correction form, and
 * a form to add a party.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party } from '#shared/case/index';
import { PARTY_KINDS, PARTY_ROLES } from '#shared/events/payloads-records';
import { useStore } from '../../app/data-provider';
import { REVEAL_PURPOSE, type RevealAudit } from '../../security/masking';
import { RevealButton } from '../../security/RevealButton';
import { Field, invalidProps } from '../../ui/Field';
import { useVocab } from '../../ui/vocab';
import { useMessageText } from '../../i18n/field-message';
import {
  checkEdit,
  correction,
  EDITABLE,
  editOf,
  saveFailed,
  type EditErrors,
  type PartyEdit,
} from './party-edit';
import { useHistoryText } from './changes-hook';
import { useCaseFile, useRecord } from './use-case-file';

export function PartiesTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseFile(caseId).data;
  if (!state) return null;
  return (
    <section data-testid="tab-parties">
      <div className="party-list">
        {state.parties.map((p) => (
          <PartyCard key={p.partyId} party={p} caseId={caseId} />
        ))}
      </div>
      <h2 className="section-title">{t('caseFile.parties.add')}</h2>
      <AddParty caseId={caseId} />
    </section>
  );
}

function EditFields({
  edit,
  errors,
  onChange,
  prefix,
}: {
  edit: PartyEdit;
  errors: EditErrors;
  onChange: (e: PartyEdit) => void;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {EDITABLE.map((k) => {
        const id = `${prefix}-${k}`;
        return (
          <Field key={k} id={id} label={t(`caseFile.parties.fields.${k}`)} error={errors[k]}>
            <input
              id={id}
              value={edit[k]}
              onChange={(e) => {
                onChange({ ...edit, [k]: e.target.value });
              }}
              {...invalidProps(id, errors[k])}
              data-testid={id}
            />
          </Field>
        );
      })}
    </>
  );
}

function PartyCard({ party, caseId }: { party: Party; caseId: string }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const vocab = useVocab();
  const store = useStore();
  const { record, pending } = useRecord();
  const [editing, setEditing] = useState(false);
  const [edit, setEdit] = useState<PartyEdit>(editOf(party.current));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<EditErrors>({});
  const p = party.current;
  const historyText = useHistoryText(caseId, party.partyId);
  const save = async () => {
    const c = correction(party, edit, reason, store.today());
    if (!c.ok) {
      setErrors(c.errors);
      return;
    }
    const failed = await record([{ caseId, type: 'party.corrected', payload: c.payload }]);
    if (failed) setErrors({ form: saveFailed(failed) });
    else {
      setEditing(false);
      setReason('');
      setErrors({});
    }
  };
  // #8: a reveal is stored as audit.revealed (who and when from the writer) before the value shows.
  const reveal = async (audit: RevealAudit) =>
    (await record([{ caseId, type: 'audit.revealed', payload: audit }])) === null;
  const revealable = (field: 'idNumber' | 'phone' | 'address', value: string) => (
    <RevealButton
      key={`${party.partyId}-${field}-${value}`}
      field={field}
      value={value}
      purpose={REVEAL_PURPOSE[field]}
      partyId={party.partyId}
      onReveal={reveal}
    />
  );
  const prefix = `party-${party.partyId.slice(-6)}`;
  return (
    <article className="party-card" data-testid="party-card">
      <header>
        <span className="badge">{vocab('role', p.role)}</span>
        <strong>{p.name}</strong>
        <span className="muted">{p.employerType ?? vocab('partyKind', p.kind)}</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setEdit(editOf(p));
            setEditing((v) => !v);
          }}
          data-testid="party-correct"
        >
          {t('caseFile.parties.correct')}
        </button>
      </header>
      <dl className="facts">
        {p.idNumber ? (
          <div>
            <dt>{t('caseFile.parties.fields.idNumber')}</dt>
            <dd data-testid="party-id">{revealable('idNumber', p.idNumber)}</dd>
          </div>
        ) : null}
        {p.phone ? (
          <div>
            <dt>{t('caseFile.parties.fields.phone')}</dt>
            <dd data-testid="party-phone">{revealable('phone', p.phone)}</dd>
          </div>
        ) : null}
        {p.address ? (
          <div>
            <dt>{t('caseFile.parties.fields.address')}</dt>
            <dd data-testid="party-address">{revealable('address', p.address)}</dd>
          </div>
        ) : null}
      </dl>
      {party.history.length > 0 ? (
        <div className="history">
          <h3>{t('caseFile.parties.history')}</h3>
          <ul>
            {party.history.map((h) => (
              <li key={h.eventId}>
                {historyText(h.eventId, h.changes)} <span className="muted">（{h.reason}）</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {editing ? (
        <div className="edit-panel">
          <div className="form-grid">
            <EditFields edit={edit} errors={errors} onChange={setEdit} prefix={prefix} />
            <Field id={`${prefix}-reason`} label={t('caseFile.parties.reason')} error={errors.reason}>
              <input
                id={`${prefix}-reason`}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
                {...invalidProps(`${prefix}-reason`, errors.reason)}
                data-testid="party-reason"
              />
            </Field>
          </div>
          {errors.form ? (
            <p className="field-error" role="alert">
              {text(errors.form)}
            </p>
          ) : null}
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => void save()}
              data-testid="party-save"
            >
              {t('caseFile.parties.save')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setEditing(false);
              }}
            >
              {t('caseFile.parties.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

function AddParty({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const vocab = useVocab();
  const store = useStore();
  const { record, pending } = useRecord();
  const [role, setRole] = useState<(typeof PARTY_ROLES)[number]>('applicant');
  const [kind, setKind] = useState<(typeof PARTY_KINDS)[number]>('worker');
  const blank: PartyEdit = { name: '', idNumber: '', phone: '', address: '' };
  const [edit, setEdit] = useState<PartyEdit>(blank);
  const [errors, setErrors] = useState<EditErrors>({});
  const save = async () => {
    const errs = checkEdit(kind, edit, store.today());
    if (Object.keys(errs).length > 0) {
      setErrors(errs);
      return;
    }
    const idNumber = edit.idNumber.replace(/\s/g, '').toUpperCase();
    const failed = await record([
      {
        caseId,
        type: 'party.added',
        payload: {
          partyId: store.newId(),
          role,
          kind,
          name: edit.name.trim(),
          ...(idNumber
            ? { idNumber, idType: kind === 'worker' ? ('resident_id' as const) : ('uscc' as const) }
            : {}),
          ...(edit.phone.trim() ? { phone: edit.phone.replace(/[\s-]/g, '') } : {}),
          ...(edit.address.trim() ? { address: edit.address.trim() } : {}),
        },
      },
    ]);
    if (failed) setErrors({ form: saveFailed(failed) });
    else {
      setEdit(blank);
      setErrors({});
    }
  };
  return (
    <div className="edit-panel">
      <div className="form-grid">
        <Field id="add-party-role" label={t('caseFile.parties.fields.role')}>
          <select
            id="add-party-role"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as typeof role);
            }}
          >
            {PARTY_ROLES.map((r) => (
              <option key={r} value={r}>
                {vocab('role', r)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="add-party-kind" label={t('caseFile.parties.fields.kind')}>
          <select
            id="add-party-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as typeof kind);
            }}
          >
            {PARTY_KINDS.map((k) => (
              <option key={k} value={k}>
                {vocab('partyKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <EditFields edit={edit} errors={errors} onChange={setEdit} prefix="add-party" />
      </div>
      {errors.form ? (
        <p className="field-error" role="alert">
          {text(errors.form)}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        onClick={() => void save()}
        data-testid="add-party-save"
      >
        {t('caseFile.parties.add')}
      </button>
    </div>
  );
}
