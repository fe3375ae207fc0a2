/*
 * 请求事项: the claims with claimant, amount, final-award eligibility and history; add a claim (with
 * the calculators one click away), correct an amount or withdraw a claim, each with a reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState, Claim } from '#shared/case/index';
import { CLAIM_ITEMS, type ClaimItem } from '#shared/domain/claim-items';
import { CLAIM_CATEGORY } from '#shared/law/final-award';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import type { FreeFields } from '#shared/events/payload-common';
import { useStore } from '../../app/data-provider';
import { Field, invalidProps } from '../../ui/Field';
import { useVocab } from '../../ui/vocab';
import { fieldMessage, lawMessage, useMessageText } from '../../i18n/field-message';
import { checkAmount } from '../intake/intake-schema';
import { Calculators } from './Calculators';
import { useHistoryText } from './changes-hook';
import { saveFailed } from './party-edit';
import { useCaseFile, useRecord } from './use-case-file';

export function ClaimsTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseFile(caseId).data;
  if (!state) return null;
  return (
    <section data-testid="tab-claims">
      <p className="muted" data-testid="claims-sum">
        {t('caseFile.claims.total', { amount: formatYuan(state.amountClaimedFen) })}
      </p>
      <ul className="claim-list">
        {state.claims.map((c) => (
          <ClaimLine key={c.claimId} claim={c} state={state} caseId={caseId} />
        ))}
      </ul>
      <h2 className="section-title">{t('caseFile.claims.add')}</h2>
      <AddClaim caseId={caseId} state={state} />
    </section>
  );
}

function ClaimLine({ claim, state, caseId }: { claim: Claim; state: CaseState; caseId: string }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const vocab = useVocab();
  const { record, pending } = useRecord();
  const [mode, setMode] = useState<'none' | 'correct' | 'withdraw'>('none');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const c = claim.current;
  const historyText = useHistoryText(caseId, claim.claimId);
  const claimant =
    state.parties.find((p) => p.partyId === c.claimantPartyId)?.current.name ?? t('caseFile.claims.all');
  const eligible = CLAIM_CATEGORY[c.item] !== 'not_eligible';
  const save = async () => {
    if (reason.trim() === '') {
      setError(fieldMessage('caseFile.parties.reasonRequired'));
      return;
    }
    let changes: { withdrawn: boolean } | { amountClaimedFen: number };
    if (mode === 'withdraw') changes = { withdrawn: true };
    else {
      const r = parseYuanInput(amount);
      const msg = checkAmount(amount);
      if (msg || !r.ok) {
        setError(msg ?? (r.ok ? null : lawMessage(r.error)));
        return;
      }
      changes = { amountClaimedFen: r.value };
    }
    const corrects = claim.history.at(-1)?.eventId ?? claim.eventId;
    const failed = await record([
      {
        caseId,
        type: 'claim.corrected',
        payload: { corrects, claimId: claim.claimId, changes, reason: reason.trim() },
      },
    ]);
    setError(failed === null ? null : saveFailed(failed));
    if (!failed) {
      setMode('none');
      setReason('');
    }
  };
  return (
    <li className={`claim-line${c.withdrawn ? ' claim-line--withdrawn' : ''}`} data-testid="claim-line">
      <div className="claim-line__main">
        <strong>{vocab('claim', c.item)}</strong>
        <span>{claimant}</span>
        <span className="amount">
          {c.amountClaimedFen === undefined ? '—' : formatYuan(c.amountClaimedFen)}
        </span>
        <span className="muted">
          {t('caseFile.claims.finalAward')}：
          {eligible ? t('caseFile.claims.finalAwardUnknown') : t('caseFile.overview.no')}
        </span>
        {c.withdrawn ? <span className="badge badge--warn">{t('caseFile.claims.withdrawn')}</span> : null}
        {c.withdrawn ? null : (
          <span className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setMode('correct');
              }}
            >
              {t('caseFile.claims.correct')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => {
                setMode('withdraw');
              }}
            >
              {t('caseFile.claims.withdraw')}
            </button>
          </span>
        )}
      </div>
      {c.description ? <p className="muted">{c.description}</p> : null}
      {claim.history.length > 0 ? (
        <ul className="history">
          {claim.history.map((h) => (
            <li key={h.eventId}>
              {historyText(h.eventId, h.changes)} <span className="muted">（{h.reason}）</span>
            </li>
          ))}
        </ul>
      ) : null}
      {mode !== 'none' ? (
        <div className="edit-panel form-grid">
          {mode === 'correct' ? (
            <label className="field">
              <span>{t('caseFile.claims.amount')}</span>
              <input
                className="input"
                value={amount}
                onChange={(e) => {
                  setAmount(e.target.value);
                }}
              />
            </label>
          ) : null}
          <label className="field">
            <span>{t('caseFile.claims.reason')}</span>
            <input
              className="input"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          </label>
          {error ? (
            <p className="field-error" role="alert">
              {text(error)}
            </p>
          ) : null}
          <span className="row-actions">
            <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void save()}>
              {t('caseFile.claims.save')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setMode('none');
              }}
            >
              {t('caseFile.claims.cancel')}
            </button>
          </span>
        </div>
      ) : null}
    </li>
  );
}

function AddClaim({ caseId, state }: { caseId: string; state: CaseState }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const store = useStore();
  const { record, pending } = useRecord();
  const [item, setItem] = useState<ClaimItem>('WAGE_ARREARS');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [claimant, setClaimant] = useState('');
  const [snapshot, setSnapshot] = useState<FreeFields | null>(null);
  const [calc, setCalc] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const applicants = state.parties.filter((p) => p.current.role === 'applicant');
  const save = async () => {
    const msg = checkAmount(amount);
    if (msg) {
      setError(msg);
      return;
    }
    const r = amount.trim() === '' ? null : parseYuanInput(amount);
    const failed = await record([
      {
        caseId,
        type: 'claim.added',
        payload: {
          claimId: store.newId(),
          item,
          ...(r?.ok ? { amountClaimedFen: r.value } : {}),
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(claimant ? { claimantPartyId: claimant } : {}),
          ...(snapshot ? { calcSnapshot: snapshot } : {}),
        },
      },
    ]);
    setError(failed === null ? null : saveFailed(failed));
    if (!failed) {
      setAmount('');
      setDescription('');
      setSnapshot(null);
    }
  };
  return (
    <div className="edit-panel">
      <div className="form-grid">
        <Field id="add-claim-item" label={t('caseFile.claims.item')}>
          <select
            id="add-claim-item"
            value={item}
            onChange={(e) => {
              setItem(e.target.value as ClaimItem);
            }}
            data-testid="add-claim-item"
          >
            {CLAIM_ITEMS.map((c) => (
              <option key={c} value={c}>
                {vocab('claim', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="add-claim-claimant" label={t('caseFile.claims.claimant')}>
          <select
            id="add-claim-claimant"
            value={claimant}
            onChange={(e) => {
              setClaimant(e.target.value);
            }}
          >
            <option value="">{t('caseFile.claims.all')}</option>
            {applicants.map((p) => (
              <option key={p.partyId} value={p.partyId}>
                {p.current.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="add-claim-amount" label={t('caseFile.claims.amount')} error={error ?? undefined}>
          <input
            id="add-claim-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setSnapshot(null);
            }}
            {...invalidProps('add-claim-amount', error ?? undefined)}
            data-testid="add-claim-amount"
          />
        </Field>
        <Field id="add-claim-description" label={t('caseFile.claims.description')}>
          <input
            id="add-claim-description"
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
            }}
          />
        </Field>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() => void save()}
          data-testid="add-claim-save"
        >
          {t('caseFile.claims.add')}
        </button>
        <button
          type="button"
          className="btn"
          aria-expanded={calc}
          onClick={() => {
            setCalc((v) => !v);
          }}
          data-testid="open-calculators"
        >
          {t('caseFile.claims.calculators')}
        </button>
      </div>
      {calc ? (
        <Calculators
          onUse={(r) => {
            setAmount((r.amountFen / 100).toFixed(2));
            setSnapshot(r.snapshot);
          }}
        />
      ) : null}
    </div>
  );
}
