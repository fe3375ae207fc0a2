/*
 * 恢复密钥 — whether this device's data key is escrowed with the organisation (#8 part 3): read from the
 * key file, so it survives reloads. When the hub never got the wrap, it can be sent again without the
 * passphrase (the wrap is already encrypted to the organisation key).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useStore } from '../../app/data-provider';
import { createSyncLocal } from '../../data/outbox';
import type { Enrollment } from '../../data/store';
import { retryEscrow } from '../../security/escrow';
import { useKeyring } from '../../security/keyring-context';

export const keyringInfoQueryKey = ['security', 'keyring-info'] as const;

const chinaTime = (ms: number) =>
  new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function EscrowStatus({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation();
  const keyring = useKeyring();
  const store = useStore();
  const client = useQueryClient();
  const local = useMemo(() => createSyncLocal(store), [store]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const info = useQuery({
    queryKey: keyringInfoQueryKey,
    enabled: keyring !== null,
    queryFn: async () => {
      const r = await (keyring ? keyring.info() : Promise.resolve(null));
      if (r && !r.ok) throw new Error(r.error.message);
      return r?.value ?? null;
    },
  });
  if (!keyring || !info.isSuccess) return null;
  const recovery = info.data?.recovery ?? null;
  const held = recovery?.hub?.deviceId === enrollment.deviceId ? recovery.hub : null;

  const retry = async () => {
    setBusy(true);
    setFailure(null);
    const out = await retryEscrow(
      { keyring, local, fetch: (input, init) => fetch(input, init), now: () => Date.now() },
      enrollment,
    );
    setBusy(false);
    if (out.state === 'failed') setFailure(out.detail);
    await client.invalidateQueries({ queryKey: keyringInfoQueryKey });
  };

  return (
    <div
      className="escrow-status"
      data-testid="escrow-status"
      data-state={held ? 'escrowed' : recovery ? 'not-sent' : 'none'}
    >
      <dt>{t('security.escrow.title')}</dt>
      <dd>
        {held ? (
          t('security.escrow.escrowed', { date: chinaTime(held.at) })
        ) : recovery ? (
          <>
            <span role="alert">{t('security.escrow.notSent')}</span>{' '}
            <button type="button" className="btn" disabled={busy} onClick={() => void retry()}>
              {busy ? t('security.escrow.retrying') : t('security.escrow.retry')}
            </button>
            {failure ? (
              <span className="enroll-error">{t('security.escrow.failed', { detail: failure })}</span>
            ) : null}
          </>
        ) : (
          <span role="alert">{t('security.escrow.noOrgKey')}</span>
        )}
      </dd>
    </div>
  );
}
