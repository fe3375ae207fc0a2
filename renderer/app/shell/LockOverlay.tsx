/* What a locked screen shows: nothing of the case work, just the way back in. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { unlockScreen } from '../../stores/lock';

export function LockOverlay() {
  const { t } = useTranslation();
  const unlockRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    unlockRef.current?.focus();
  }, []);
  return (
    <div
      className="lock-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-overlay"
    >
      <div className="lock-card">
        <Icon name="lock" size={40} />
        <h2 id="lock-title">{t('lock.title')}</h2>
        <p>{t('lock.body')}</p>
        <button ref={unlockRef} type="button" className="btn btn-primary" onClick={unlockScreen}>
          {t('lock.unlock')}
        </button>
      </div>
    </div>
  );
}
