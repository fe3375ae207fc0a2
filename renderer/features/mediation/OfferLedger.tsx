/*
 * Stage 4's offer / counter-offer ledger: who offered what, when. Each offer is a stage-4 note of kind
 * 'offer' (fields by, amountFen, at, terms), so it syncs, is signed and keeps its confidentiality;
 * offers default to the internal file (bottom lines are not for the other side).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { isMainFile } from '#shared/case/selectors';
import { offerNotes } from '#shared/documents/five-heart';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import { ConfBadge, ConfSwitch, confOf, type ConfChoice } from './ConfSwitch';
import { partyName, type CaseTools } from './use-case-tools';

export function OfferLedger({
  tools,
  state,
  caseId,
  presenting,
}: {
  tools: CaseTools;
  state: CaseState;
  caseId: string;
  presenting: boolean;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState('');
  const [amount, setAmount] = useState('');
  const [terms, setTerms] = useState('');
  const [conf, setConf] = useState<ConfChoice>({ level: 'internal', partyId: '' });
  const [message, setMessage] = useState<string | null>(null);
  const offers = offerNotes(state).filter((n) => !presenting || isMainFile(n.conf));

  const add = async () => {
    if (by === '') {
      setMessage(t('mediation.offers.needParty'));
      return;
    }
    const fen = parseYuanInput(amount);
    if (!fen.ok) {
      setMessage(fen.error.zh);
      return;
    }
    const c = confOf(conf);
    if (c === null) {
      setMessage(t('mediation.conf.needParty'));
      return;
    }
    const at = tools.nowIso();
    const ok = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: c,
        payload: {
          noteId: tools.newId(),
          method: 'five_heart',
          stage: 4,
          partyId: by,
          fields: { kind: 'offer', by, amountFen: fen.value, at, ...(terms.trim() === '' ? {} : { terms }) },
          recordedAt: at,
        },
      },
    ]);
    if (ok) {
      setAmount('');
      setTerms('');
      setMessage(t('mediation.saved'));
    }
  };

  return (
    <div className="offer-ledger" data-testid="offer-ledger">
      <h4>{t('mediation.offers.title')}</h4>
      {offers.length === 0 ? (
        <p className="muted">{t('mediation.offers.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('mediation.offers.at')}</th>
              <th>{t('mediation.offers.by')}</th>
              <th>{t('mediation.offers.amount')}</th>
              <th>{t('mediation.offers.terms')}</th>
              <th>{t('mediation.conf.label')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => {
              const f = o.fields;
              return (
                <tr key={o.eventId} data-testid="offer-row">
                  <td>{typeof f['at'] === 'string' ? f['at'].slice(0, 16).replace('T', ' ') : ''}</td>
                  <td>{partyName(state, typeof f['by'] === 'string' ? f['by'] : undefined)}</td>
                  <td>{typeof f['amountFen'] === 'number' ? formatYuan(f['amountFen']) : ''}</td>
                  <td>{typeof f['terms'] === 'string' ? f['terms'] : ''}</td>
                  <td>
                    <ConfBadge conf={o.conf} state={state} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!presenting && (
        <div className="offer-form">
          <label>
            {t('mediation.offers.by')}
            <select
              value={by}
              data-testid="offer-by"
              onChange={(e) => {
                setBy(e.target.value);
              }}
            >
              <option value="">—</option>
              {state.parties
                .filter((p) => p.current.role !== 'agent')
                .map((p) => (
                  <option key={p.partyId} value={p.partyId}>
                    {p.current.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('mediation.offers.amount')}
            <input
              data-testid="offer-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
              }}
            />
          </label>
          <label>
            {t('mediation.offers.terms')}
            <input
              value={terms}
              onChange={(e) => {
                setTerms(e.target.value);
              }}
            />
          </label>
          <ConfSwitch value={conf} onChange={setConf} state={state} idPrefix="offer" />
          <button
            type="button"
            className="btn"
            data-testid="offer-add"
            disabled={tools.busy}
            onClick={() => void add()}
          >
            {t('mediation.offers.add')}
          </button>
          {message !== null && <p role="status">{message}</p>}
        </div>
      )}
    </div>
  );
}
