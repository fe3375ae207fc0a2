/*
 * 转办: referrals of this case to another organisation (case.referred) and their answers
 * (referral.answered: accepted with their number, a court's ruling with its number …).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '#shared/case/index';
import { REFERRAL_TARGETS, type ReferralTarget } from '#shared/domain/organisation';
import { ACTOR_ID_RE } from '#shared/events/payload-common';
import { useStore } from '../../app/data-provider';
import { EmptyLine } from '../../ui/Panel';
import { useVocab } from '../../ui/vocab';
import { useCaseFile, useRecord } from './use-case-file';

const OUTCOMES = ['accepted', 'declined', 'confirmed', 'rejected', 'completed'] as const;
type Outcome = (typeof OUTCOMES)[number];

export function ReferralsTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseFile(caseId).data;
  if (!state) return null;
  return (
    <section data-testid="tab-referrals">
      {state.referrals.length === 0 ? <EmptyLine>{t('caseFile.referrals.none')}</EmptyLine> : null}
      <ul className="claim-list">
        {state.referrals.map((r) => (
          <ReferralLine key={r.referralId} referral={r} caseId={caseId} />
        ))}
      </ul>
      <h2 className="section-title">{t('caseFile.referrals.new')}</h2>
      <NewReferral caseId={caseId} />
    </section>
  );
}

function ReferralLine({ referral, caseId }: { referral: Referral; caseId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { record, pending } = useRecord();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [theirNumber, setTheirNumber] = useState('');
  const [rulingNumber, setRulingNumber] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if ((outcome === 'confirmed' || outcome === 'rejected') && rulingNumber.trim() === '') {
      setError(t('caseFile.referrals.rulingRequired'));
      return;
    }
    const failed = await record([
      {
        caseId,
        type: 'referral.answered',
        payload: {
          referralId: referral.referralId,
          outcome,
          answeredAt: new Date().toISOString(),
          ...(theirNumber.trim() ? { theirNumber: theirNumber.trim() } : {}),
          ...(rulingNumber.trim() ? { rulingNumber: rulingNumber.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
    ]);
    setError(failed);
    if (!failed) setOpen(false);
  };
  return (
    <li className="claim-line" data-testid="referral-line">
      <div className="claim-line__main">
        <strong>{vocab('referralTarget', referral.target)}</strong>
        <span className="muted">{referral.toOrgId}</span>
        <span className="badge">{vocab('referralOutcome', referral.status)}</span>
        {referral.theirNumber ? <span>{referral.theirNumber}</span> : null}
        {referral.rulingNumber ? <span>{referral.rulingNumber}</span> : null}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setOpen((v) => !v);
          }}
        >
          {t('caseFile.referrals.answer')}
        </button>
      </div>
      {open ? (
        <div className="edit-panel form-grid">
          <label className="field">
            <span>{t('caseFile.referrals.outcome')}</span>
            <select
              className="input"
              value={outcome}
              onChange={(e) => {
                setOutcome(e.target.value as Outcome);
              }}
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {vocab('referralOutcome', o)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('caseFile.referrals.theirNumber')}</span>
            <input
              className="input"
              value={theirNumber}
              onChange={(e) => {
                setTheirNumber(e.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('caseFile.referrals.rulingNumber')}</span>
            <input
              className="input"
              value={rulingNumber}
              onChange={(e) => {
                setRulingNumber(e.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('caseFile.referrals.note')}</span>
            <input
              className="input"
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
          </label>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void save()}>
            {t('caseFile.referrals.answer')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function NewReferral({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const store = useStore();
  const { record, pending } = useRecord();
  const [target, setTarget] = useState<ReferralTarget>('court_confirmation');
  const [toOrgId, setToOrgId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!ACTOR_ID_RE.test(toOrgId.trim())) {
      setError(t('caseFile.referrals.orgRequired'));
      return;
    }
    const failed = await record([
      {
        caseId,
        type: 'case.referred',
        payload: {
          referralId: store.newId(),
          target,
          toOrgId: toOrgId.trim(),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
    ]);
    setError(failed);
    if (!failed) {
      setToOrgId('');
      setNote('');
    }
  };
  return (
    <div className="edit-panel form-grid">
      <label className="field">
        <span>{t('caseFile.referrals.target')}</span>
        <select
          className="input"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value as ReferralTarget);
          }}
        >
          {REFERRAL_TARGETS.map((r) => (
            <option key={r} value={r}>
              {vocab('referralTarget', r)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('caseFile.referrals.toOrg')}</span>
        <input
          className="input"
          value={toOrgId}
          onChange={(e) => {
            setToOrgId(e.target.value);
          }}
          aria-invalid={error ? true : undefined}
        />
      </label>
      <label className="field">
        <span>{t('caseFile.referrals.note')}</span>
        <input
          className="input"
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void save()}>
        {t('caseFile.referrals.send')}
      </button>
    </div>
  );
}
