/*
 * 登记本设备 — enrolling this laptop with the hub: address, one-time code and a device name. The hub's
 * answer is saved only when it is complete and valid; every failure is named in Chinese at the field
 * it concerns. Once enrolled the page shows who this device writes as.
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys, useStore } from '../../app/data-provider';
import { paths } from '../../app/routes';
import { createSyncLocal } from '../../data/outbox';
import { enrollWithEscrow } from '../../security/escrow';
import type { KeyringError } from '../../security/keyring';
import { useKeyring } from '../../security/keyring-context';
import { enrollDevice, type EnrollFailure } from '../../sync/enroll';
import { Page } from '../../ui/Page';
import { defaultHubUrl } from './default-hub';
import { EscrowStatus, keyringInfoQueryKey } from './EscrowStatus';
import { useEnrollment } from './use-enrollment';
import './enroll.css';

export function EnrollPage() {
  const { t } = useTranslation();
  const enrollment = useEnrollment();
  return (
    <Page title={t('enroll.title')} testId="page-enroll">
      {enrollment.data ? (
        <dl className="facts" data-testid="enrolled">
          <div>
            <dt>{t('enroll.enrolledAs')}</dt>
            <dd>
              {enrollment.data.orgName} · {enrollment.data.userName}
            </dd>
          </div>
          <div>
            <dt>{t('enroll.hubLabel')}</dt>
            <dd>{enrollment.data.hubUrl}</dd>
          </div>
          <div>
            <dt>{t('enroll.deviceId')}</dt>
            <dd>
              <code>{enrollment.data.deviceId}</code>
            </dd>
          </div>
          <EscrowStatus enrollment={enrollment.data} />
          <Link to={paths.sync} className="btn">
            {t('enroll.goSync')}
          </Link>
        </dl>
      ) : enrollment.isSuccess ? (
        <EnrollForm />
      ) : null}
    </Page>
  );
}

function EnrollForm() {
  const { t } = useTranslation();
  const store = useStore();
  const client = useQueryClient();
  const local = useMemo(() => createSyncLocal(store), [store]);
  const [hubUrl, setHubUrl] = useState(defaultHubUrl);
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<EnrollFailure | null>(null);
  // #8: with the unlock gate mounted, enrolling also escrows the data key, which needs the passphrase.
  const keyring = useKeyring();
  const [passphrase, setPassphrase] = useState('');
  const [keyError, setKeyError] = useState<KeyringError | null>(null);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setKeyError(null);
    const deps = {
      local,
      publicKey: () => store.publicKeyJwk(),
      fetch: (input: string, init?: RequestInit) => fetch(input, init),
    };
    if (keyring) {
      const r = await enrollWithEscrow({ ...deps, keyring }, { hubUrl, code, deviceName }, passphrase);
      setBusy(false);
      setPassphrase('');
      if (!r.ok) {
        if (r.error.kind === 'enroll') setFailure(r.error.failure);
        else setKeyError(r.error.error);
        return;
      }
      await client.invalidateQueries({ queryKey: keyringInfoQueryKey });
      await client.invalidateQueries({ queryKey: queryKeys.author });
      return;
    }
    const r = await enrollDevice(deps, { hubUrl, code, deviceName });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      return;
    }
    // The enrollment query sits under the author key, so this refreshes the top bar and this page.
    await client.invalidateQueries({ queryKey: queryKeys.author });
  };

  const invalid = (field: EnrollFailure['field']) => failure !== null && failure.field === field;
  return (
    <form className="enroll-form" onSubmit={(e) => void submit(e)} noValidate data-testid="enroll-form">
      <p className="muted">{t('enroll.intro')}</p>
      <label className="field">
        <span>{t('enroll.hubUrl')}</span>
        <input
          type="url"
          value={hubUrl}
          onChange={(e) => {
            setHubUrl(e.target.value);
          }}
          aria-invalid={invalid('hubUrl')}
          autoComplete="url"
          required
        />
      </label>
      <label className="field">
        <span>{t('enroll.code')}</span>
        <input
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
          }}
          aria-invalid={invalid('code')}
          autoComplete="one-time-code"
          spellCheck={false}
          required
        />
      </label>
      <label className="field">
        <span>{t('enroll.deviceName')}</span>
        <input
          value={deviceName}
          onChange={(e) => {
            setDeviceName(e.target.value);
          }}
          placeholder={t('enroll.deviceNameHint')}
          aria-invalid={invalid('deviceName')}
          maxLength={100}
          required
        />
      </label>
      {keyring ? (
        <>
          <label className="field">
            <span>{t('security.escrow.passphrase')}</span>
            <input
              type="password"
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.target.value);
              }}
              aria-invalid={keyError !== null}
              aria-describedby="enroll-passphrase-hint"
              autoComplete="current-password"
              required
            />
          </label>
          <p id="enroll-passphrase-hint" className="muted">
            {t('security.escrow.passphraseHint')}
          </p>
        </>
      ) : null}
      {keyError ? (
        <p role="alert" className="enroll-error" data-testid="enroll-error" data-code={keyError.code}>
          {t(`security.errors.${keyError.code}`)}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="enroll-error" data-testid="enroll-error" data-code={failure.code}>
          {t(`enroll.errors.${failure.code}`)}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('enroll.submitting') : t('enroll.submit')}
      </button>
    </form>
  );
}
