/*
 * The three forms of the unlock gate: first-run passphrase setup, unlock, and recovery with the data
 * key an administrator unwrapped on the hub. Each takes an async submit that answers a keyring error
 * (or null on success) and shows it in words, never as a raw code.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyringError, KeyringInfo } from '../../security/keyring';
import { passphraseStrength } from '../../security/strength';

type Submit = (...values: string[]) => Promise<KeyringError | null>;

function useSubmit(submit: Submit) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KeyringError | null>(null);
  const run = (e: SyntheticEvent, ...values: string[]) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void submit(...values).then((result) => {
      setError(result);
      setBusy(false);
    });
  };
  return { busy, error, setError, run };
}

function ErrorLine({ error }: { error: KeyringError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const seconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 0;
  return (
    <p role="alert" className="unlock-error" data-testid="unlock-error" data-code={error.code}>
      {t(`security.errors.${error.code}`)}
      {seconds > 0 ? ` · ${t('security.unlock.retryIn', { seconds })}` : null}
    </p>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="unlock-screen" role="dialog" aria-modal="true" aria-labelledby="unlock-title">
      <div className="unlock-card">
        <h1 id="unlock-title">{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function SetupForm({ onCreate }: { onCreate: (passphrase: string) => Promise<KeyringError | null> }) {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useSubmit(onCreate);
  const mismatch = confirm.length > 0 && pass !== confirm;
  const strength = passphraseStrength(pass);
  return (
    <Card title={t('security.setup.title')}>
      <p>{t('security.setup.intro')}</p>
      <form
        onSubmit={(e) => {
          if (pass === confirm) run(e, pass);
          else e.preventDefault();
        }}
      >
        <label>
          {t('security.setup.passphrase')}
          <input
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={(e) => {
              setPass(e.target.value);
            }}
            data-testid="setup-passphrase"
            autoFocus
          />
        </label>
        <p className={`unlock-strength unlock-strength-${strength}`} aria-live="polite">
          {t(`security.setup.strength.${strength}`)}
        </p>
        <label>
          {t('security.setup.confirm')}
          <input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => {
              setConfirm(e.target.value);
            }}
            data-testid="setup-confirm"
          />
        </label>
        {mismatch ? <p className="unlock-error">{t('security.setup.mismatch')}</p> : null}
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy || pass !== confirm || pass === ''}>
          {t('security.setup.submit')}
        </button>
      </form>
    </Card>
  );
}

export function UnlockForm(props: {
  onUnlock: (passphrase: string) => Promise<KeyringError | null>;
  onForgot: () => void;
  initialError?: KeyringError | null;
}) {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const { busy, error, run } = useSubmit(props.onUnlock);
  return (
    <Card title={t('security.unlock.title')}>
      <p>{t('security.unlock.intro')}</p>
      <form
        onSubmit={(e) => {
          run(e, pass);
          setPass('');
        }}
      >
        <label>
          {t('security.unlock.passphrase')}
          <input
            type="password"
            autoComplete="current-password"
            value={pass}
            onChange={(e) => {
              setPass(e.target.value);
            }}
            data-testid="unlock-passphrase"
            autoFocus
          />
        </label>
        <ErrorLine error={error ?? props.initialError ?? null} />
        <button type="submit" className="btn btn-primary" disabled={busy || pass === ''}>
          {busy ? t('security.unlock.working') : t('security.unlock.submit')}
        </button>
      </form>
      <button type="button" className="btn btn-link" onClick={props.onForgot} data-testid="unlock-forgot">
        {t('security.unlock.forgot')}
      </button>
    </Card>
  );
}

export function RecoverForm(props: {
  info: KeyringInfo | null;
  onRecover: (dataKey: string, passphrase: string) => Promise<KeyringError | null>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [pass, setPass] = useState('');
  const { busy, error, run } = useSubmit(props.onRecover);
  return (
    <Card title={t('security.recover.title')}>
      <p>{t('security.recover.steps')}</p>
      {props.info ? (
        <p>
          <code data-testid="recover-key-id">{t('security.recover.keyId', { keyId: props.info.keyId })}</code>
        </p>
      ) : null}
      {props.info?.recovery ? (
        <label>
          {t('security.recover.wrapped')}
          <textarea readOnly value={props.info.recovery.wrapped} data-testid="recover-wrapped" />
        </label>
      ) : props.info ? (
        <p className="unlock-error">{t('security.recover.noEscrow')}</p>
      ) : null}
      <form
        onSubmit={(e) => {
          run(e, key.trim(), pass);
        }}
      >
        <label>
          {t('security.recover.dataKey')}
          <textarea
            value={key}
            spellCheck={false}
            onChange={(e) => {
              setKey(e.target.value);
            }}
            data-testid="recover-key"
          />
        </label>
        <label>
          {t('security.recover.newPassphrase')}
          <input
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={(e) => {
              setPass(e.target.value);
            }}
            data-testid="recover-passphrase"
          />
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy || key === '' || pass === ''}>
          {t('security.recover.submit')}
        </button>
      </form>
      <button type="button" className="btn btn-link" onClick={props.onBack}>
        {t('security.recover.back')}
      </button>
    </Card>
  );
}
