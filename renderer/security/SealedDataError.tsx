/*
 * What a screen shows instead of a record that does not open (#8 bad input): a tampered, foreign or
 * damaged ciphertext is named — which record, what went wrong, what to do — and nothing of it is shown,
 * never bytes as garbage. `record` is the screen's own words for the record ("案件档案（…）").
 */
import { useTranslation } from 'react-i18next';
import { SealError, type SealFailure } from './crypto-codec';
import './security.css';

export type ReadFailure = SealFailure | 'unreadable';

/** The seal failure behind an error thrown by a read (anything else is `unreadable`). */
export function readFailureOf(e: unknown): ReadFailure {
  return e instanceof SealError ? e.code : 'unreadable';
}

export function SealedDataError({ error, record }: { error: unknown; record: string }) {
  const { t } = useTranslation();
  const code = readFailureOf(error);
  return (
    <div role="alert" className="sealed-error" data-testid="sealed-error" data-code={code}>
      <p>
        <strong>{t(`security.sealed.${code}`, { record })}</strong>
      </p>
      <p>{t('security.sealed.whatToDo')}</p>
    </div>
  );
}
