/* Retracting evidence: a reason is required; the item stays in the inventory and the timeline. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryRow } from './inventory';

type Props = { row: InventoryRow; onConfirm: (reason: string) => void; onCancel: () => void };

export function RetractDialog({ row, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <div
      className="evidence-viewer evidence-retract"
      role="dialog"
      aria-modal="true"
      aria-label={t('evidence.retract.title')}
      data-testid="evidence-retract-dialog"
    >
      <h2>
        {t('evidence.retract.title')}：{row.no}. {row.name}
      </h2>
      <p className="muted">{t('evidence.retract.note')}</p>
      <label>
        {t('evidence.retract.reason')}
        <textarea
          data-testid="evidence-retract-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </label>
      <div className="evidence-viewer__bar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={reason.trim() === ''}
          data-testid="evidence-retract-confirm"
          onClick={() => {
            onConfirm(reason.trim());
          }}
        >
          {t('evidence.retract.confirm')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('evidence.retract.cancel')}
        </button>
      </div>
    </div>
  );
}
