/*
 * 证据清单: the inventory table with thumbnails and actions. Retracted items stay, struck through, with
 * the reason. Printing (CSS @media print in evidence.css) shows only this table, without actions.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BlobState } from './BlobState';
import { useBlobPresence } from './use-blob-download';
import { useStoredCopy } from './use-evidence';
import type { InventoryRow } from './inventory';

export type AckPosition = 'yes' | 'no' | 'disputed';

type Props = {
  rows: readonly InventoryRow[];
  onView: (evidenceId: string) => void;
  onRetract: (row: InventoryRow) => void;
  /** Records the other party's position (evidence.acknowledged); absent: read only. */
  onAcknowledge?: (row: InventoryRow, partyId: string, position: AckPosition) => void;
};

const isPosition = (v: string): v is AckPosition => v === 'yes' || v === 'no' || v === 'disputed';

/** 对方是否认可: the recorded position (printed), and on screen a choice for the other party. */
function AckCell({ row, onAcknowledge }: { row: InventoryRow; onAcknowledge: Props['onAcknowledge'] }) {
  const { t } = useTranslation();
  const other = row.otherParty;
  const text = t(`evidence.inventory.acknowledged.${row.acknowledged}`);
  return (
    <>
      <span data-testid="evidence-ack">
        {text}
        {row.acknowledgedBy !== null && `（${row.acknowledgedBy}）`}
      </span>
      {onAcknowledge && other && !row.retracted && (
        <label className="no-print evidence-ack-choice">
          <select
            data-testid="evidence-ack-select"
            aria-label={t('evidence.inventory.ackLabel', { party: other.name })}
            value=""
            onChange={(e) => {
              const v = e.target.value;
              if (isPosition(v)) onAcknowledge(row, other.partyId, v);
            }}
          >
            <option value="">{t('evidence.inventory.ackSet', { party: other.name })}</option>
            <option value="yes">{t('evidence.inventory.acknowledged.yes')}</option>
            <option value="no">{t('evidence.inventory.acknowledged.no')}</option>
            <option value="disputed">{t('evidence.inventory.acknowledged.disputed')}</option>
          </select>
        </label>
      )}
    </>
  );
}

/** A file signed on another laptop and not downloaded yet shows how its download stands. */
function Thumb({ row }: { row: InventoryRow }) {
  const presence = useBlobPresence(row.sha256, false);
  if (presence.local === false)
    return (
      <BlobState
        className="evidence-thumb evidence-thumb--none evidence-thumb--remote"
        transfer={presence.transfer}
        onFetch={presence.fetchNow}
      />
    );
  if (presence.local === null) return <span className="evidence-thumb evidence-thumb--none" />;
  return <LocalThumb row={row} />;
}

function LocalThumb({ row }: { row: InventoryRow }) {
  const { t } = useTranslation();
  const { url, error } = useStoredCopy(row.mime.startsWith('image/') ? row.sha256 : null, 'thumb');
  // #8: a stored copy that does not open is named, never drawn.
  if (error !== null)
    return (
      <span className="evidence-thumb evidence-thumb--none" data-testid="evidence-thumb-unreadable">
        {t('security.sealed.short')}
      </span>
    );
  if (url === null)
    return <span className="evidence-thumb evidence-thumb--none">{row.mime.split('/')[1]}</span>;
  return <img className="evidence-thumb" src={url} alt={row.name} data-testid="evidence-thumb" />;
}

export function InventoryTable({ rows, onView, onRetract, onAcknowledge }: Props) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('evidence.inventory.empty')}</p>;
  const heads = columns(t);
  const c = (k: ColumnKey) => heads[k];
  return (
    <table className="evidence-inventory" data-testid="evidence-inventory">
      <caption>{t('evidence.inventory.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{c('no')}</th>
          <th scope="col" className="no-print" aria-label="thumbnail" />
          <th scope="col">{c('name')}</th>
          <th scope="col">{c('source')}</th>
          <th scope="col">{c('proves')}</th>
          <th scope="col">{c('original')}</th>
          <th scope="col">{c('submittedBy')}</th>
          <th scope="col">{c('acknowledged')}</th>
          <th scope="col">{c('hash')}</th>
          <th scope="col" className="no-print" aria-label="actions" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.evidenceId}
            className={r.retracted ? 'evidence-row--retracted' : undefined}
            data-testid="evidence-row"
            data-evidence-id={r.evidenceId}
          >
            <td>{r.no}</td>
            <td className="no-print">
              <Thumb row={r} />
            </td>
            <td>
              <span className="evidence-name">{r.name}</span>
              {r.retracted && (
                <div className="evidence-retracted-note">
                  {t('evidence.inventory.retracted', { reason: r.retracted.reason })}
                </div>
              )}
            </td>
            <td>{r.source}</td>
            <td>{r.proves}</td>
            <td>{t(`evidence.inventory.original.${r.original}`)}</td>
            <td>{r.submittedBy}</td>
            <td>
              <AckCell row={r} onAcknowledge={onAcknowledge} />
            </td>
            <td className="evidence-hash" data-testid="evidence-hash">
              {r.sha256}
            </td>
            <td className="no-print evidence-actions">
              <button
                type="button"
                className="btn"
                onClick={() => {
                  onView(r.evidenceId);
                }}
              >
                {t('evidence.inventory.view')}
              </button>
              {!r.retracted && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    onRetract(r);
                  }}
                >
                  {t('evidence.inventory.retract')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const COLUMN_KEYS = [
  'no',
  'name',
  'source',
  'proves',
  'original',
  'submittedBy',
  'acknowledged',
  'hash',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Column headers (also used for the exported 证据清单.html). */
export function columns(t: TFunction): Record<ColumnKey, string> {
  const out = {} as Record<ColumnKey, string>;
  for (const k of COLUMN_KEYS) out[k] = t(`evidence.inventory.columns.${k}`);
  return out;
}
