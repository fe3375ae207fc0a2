/*
 * Records pulled from the hub that failed verification on this laptop (bad hash or signature, unknown
 * signer, a fork or broken link in the signer's chain): kept as received, never applied to a case, each
 * with what was wrong. Nothing here is deleted. Keys are pinned on first sight and cannot be replaced on
 * the laptop (the page says so, with what to do instead); 重新校验 checks the held records again with
 * what is known now, and those that pass are applied, each release logged with who asked and when.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineRelease, QuarantinedEvent } from '../../data/outbox';
import { EmptyLine } from '../../ui/Panel';
import { formatTime, quarantineText } from './sync-text';

export type RecheckAction = () => Promise<
  { ok: true; released: number; held: number } | { ok: false; message: string }
>;

export function QuarantineList({
  entries,
  released = [],
  recheck,
}: {
  entries: readonly QuarantinedEvent[];
  released?: readonly QuarantineRelease[];
  recheck?: RecheckAction | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const log =
    released.length > 0 ? (
      <>
        <h3>{t('sync.release.log')}</h3>
        <ul className="sync-rejected" data-testid="sync-released">
          {released.map((r) => (
            <li key={`${r.id} ${String(r.at)}`}>
              {t('sync.release.logRow', {
                type: r.type ?? '?',
                caseId: (r.caseId ?? '?').slice(-8),
                why: r.why,
                time: formatTime(r.at, i18n.language),
                by: r.by,
              })}
            </li>
          ))}
        </ul>
      </>
    ) : null;
  const status = result ? (
    <p role="status" data-testid="recheck-result">
      {result}
    </p>
  ) : null;
  if (entries.length === 0)
    return (
      <>
        <EmptyLine>{t('sync.quarantine.empty')}</EmptyLine>
        {status}
        {log}
      </>
    );
  const onRecheck = async (): Promise<void> => {
    if (!recheck) return;
    setBusy(true);
    const r = await recheck();
    setBusy(false);
    setResult(
      r.ok
        ? t('sync.release.released', { count: r.released, held: r.held })
        : t('sync.decide.failed', { message: r.message }),
    );
  };
  return (
    <div data-testid="sync-quarantine">
      <p className="sync-warning" role="alert">
        {t('sync.quarantine.summary', { count: entries.length })}
      </p>
      <ul className="sync-rejected">
        {entries.map((q) => (
          <li key={`${q.id} ${q.why}`} data-reason={q.why}>
            <strong>
              {t('sync.quarantine.row', {
                type: q.type ?? '?',
                caseId: (q.caseId ?? '?').slice(-8),
                device: (q.deviceId ?? '?').slice(-8),
              })}
            </strong>
            <span>{quarantineText(t, q.why)}</span>
            {q.detail ? <code>{q.detail}</code> : null}
          </li>
        ))}
      </ul>
      <p className="muted" data-testid="quarantine-documented">
        {t('sync.release.documented')}
      </p>
      {recheck ? (
        <button
          type="button"
          className="btn"
          disabled={busy}
          data-testid="quarantine-recheck"
          onClick={() => void onRecheck()}
        >
          {t('sync.release.recheck')}
        </button>
      ) : null}
      {status}
      {log}
    </div>
  );
}
