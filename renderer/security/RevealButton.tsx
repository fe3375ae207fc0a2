/*
 * A masked value with a deliberate "show" button. Revealing first records the audit event through
 * `onReveal` (who and when come from the writer; which field and why from here); only when that
 * succeeded is the full value shown. A failed record means the value stays masked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedField } from '#shared/domain/sessions';
import { maskField, type RevealAudit } from './masking';

export type RevealButtonProps = {
  field: MaskedField;
  value: string;
  /** Why the user looks (required by audit.revealed), e.g. 核对身份. */
  purpose: string;
  partyId?: string;
  /** Writes the audit.revealed event; resolve true when it is stored. */
  onReveal: (audit: RevealAudit) => Promise<boolean>;
};

export function RevealButton({ field, value, purpose, partyId, onReveal }: RevealButtonProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  if (shown) return <span data-testid={`revealed-${field}`}>{value}</span>;
  const reveal = () => {
    setBusy(true);
    void onReveal({ field, purpose, ...(partyId ? { partyId } : {}) })
      .catch(() => false)
      .then((stored) => {
        setBusy(false);
        if (stored) setShown(true);
      });
  };
  return (
    <span className="masked-value">
      <span data-testid={`masked-${field}`}>{maskField(field, value)}</span>{' '}
      <button
        type="button"
        className="btn btn-link"
        disabled={busy}
        onClick={reveal}
        aria-label={t('security.reveal.label', { field: t(`security.reveal.fields.${field}`) })}
        data-testid={`reveal-${field}`}
      >
        {t('security.reveal.show')}
      </button>
    </span>
  );
}
