/*
 * 本机安全 in Settings (#8): the device key's public facts (key id, which OS keystore protects it and
 * whether the organisation holds an escrow) and the passphrase change. Changing the passphrase rewraps
 * the data key only (no record is re-encrypted); the keyring stores the new wrap as pending, reads it
 * back and opens it before the old wrap is dropped, so a failed change leaves the old passphrase working.
 */
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Keyring, KeyringError, KeyringInfo } from '../../security/keyring';
import { useKeyring } from '../../security/keyring-context';
import { passphraseStrength } from '../../security/strength';
import { Panel } from '../../ui/Panel';
import { keyringInfoQueryKey } from '../enroll/EscrowStatus';

export function SecurityPanel() {
  const { t } = useTranslation();
  const keyring = useKeyring();
  if (!keyring) return null; // no unlock gate mounted (a page rendered alone)
  return (
    <Panel title={t('security.settings.title')}>
      <KeyFacts keyring={keyring} />
      <ChangePassphraseForm keyring={keyring} />
    </Panel>
  );
}

function PlatformText({ platform: p }: { platform: KeyringInfo['platform'] }) {
  const { t } = useTranslation();
  if (p.state === 'bound') return <>{t('security.settings.platform.bound', { backend: p.backend })}</>;
  if (p.state === 'refused')
    return <>{t('security.settings.platform.refused', { backend: p.backend ?? '' })}</>;
  return <>{t('security.settings.platform.unavailable')}</>;
}

function KeyFacts({ keyring }: { keyring: Keyring }) {
  const { t } = useTranslation();
  const info = useQuery({
    queryKey: keyringInfoQueryKey,
    queryFn: async () => {
      const r = await keyring.info();
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
  });
  if (!info.data) return null;
  const { keyId, platform, recovery } = info.data;
  return (
    <dl className="facts" data-testid="device-key">
      <div>
        <dt>{t('security.settings.keyId')}</dt>
        <dd>
          <code>{keyId}</code>
        </dd>
      </div>
      <div>
        <dt>{t('security.settings.platformLabel')}</dt>
        <dd data-testid="keystore-backend" data-state={platform.state}>
          <PlatformText platform={platform} />
        </dd>
      </div>
      <div>
        <dt>{t('security.escrow.title')}</dt>
        <dd data-testid="escrow-state">
          {recovery?.hub
            ? t('security.settings.escrowHeld')
            : recovery
              ? t('security.escrow.notSent')
              : t('security.settings.escrowNone')}
        </dd>
      </div>
    </dl>
  );
}

function ChangePassphraseForm({ keyring }: { keyring: Keyring }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KeyringError | null>(null);
  const [done, setDone] = useState(false);
  const mismatch = confirm.length > 0 && next !== confirm;
  const strength = passphraseStrength(next);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (next !== confirm || busy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    const r = await keyring.changePassphrase(old, next);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setOld('');
    setNext('');
    setConfirm('');
    setDone(true);
    await client.invalidateQueries({ queryKey: keyringInfoQueryKey });
  };

  const field = (
    label: string,
    value: string,
    set: (v: string) => void,
    testId: string,
    autoComplete: string,
    invalid: boolean,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        value={value}
        onChange={(ev) => {
          set(ev.target.value);
          setDone(false);
        }}
        autoComplete={autoComplete}
        aria-invalid={invalid}
        data-testid={testId}
        required
      />
    </label>
  );

  return (
    <form
      className="passphrase-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="passphrase-form"
    >
      <h3>{t('security.settings.change')}</h3>
      <p className="muted">{t('security.settings.changeIntro')}</p>
      {field(
        t('security.settings.old'),
        old,
        setOld,
        'passphrase-old',
        'current-password',
        error?.code === 'wrong_passphrase' || error?.code === 'throttled',
      )}
      {field(
        t('security.settings.new'),
        next,
        setNext,
        'passphrase-new',
        'new-password',
        error?.code === 'weak_passphrase',
      )}
      <p
        className={`unlock-strength unlock-strength-${strength}`}
        aria-live="polite"
        data-testid="passphrase-strength"
      >
        {next ? t(`security.setup.strength.${strength}`) : null}
      </p>
      {field(
        t('security.settings.confirm'),
        confirm,
        setConfirm,
        'passphrase-confirm',
        'new-password',
        mismatch,
      )}
      {mismatch ? <p className="settings-error">{t('security.setup.mismatch')}</p> : null}
      {error ? (
        <p role="alert" className="settings-error" data-testid="passphrase-error" data-code={error.code}>
          {error.code === 'storage_failed'
            ? t('security.settings.unverified')
            : t(`security.errors.${error.code}`)}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="settings-ok" data-testid="passphrase-changed">
          {t('security.settings.changed')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || old === '' || next === '' || next !== confirm}
      >
        {busy ? t('security.settings.changing') : t('security.settings.submit')}
      </button>
    </form>
  );
}
