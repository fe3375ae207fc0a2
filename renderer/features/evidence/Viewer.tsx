/*
 * The evidence viewer: the display copy (EXIF-free) with zoom and rotation as a view only (a CSS
 * transform; the original is never touched), side-by-side comparison with another item, the EXIF the
 * original carries (camera, time taken, GPS) and its hash. HEIC shows the display copy made with libheif
 * at import (derive-core.ts). Formats the browser cannot show (HEIC without a copy, PDF
 * without a PDF viewer under the CSP) offer the original as a download instead.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readExif, type ExifSummary } from '#shared/evidence/exif';
import { readBlob } from '../../data/blobs';
import { formatBytes } from '../../data/blobs-storage';
import { useStore } from '../../app/data-provider';
import type { InventoryRow } from './inventory';
import { SealedDataError } from '../../security/SealedDataError';
import { BlobState } from './BlobState';
import { useBlobPresence } from './use-blob-download';
import { useStoredCopy } from './use-evidence';

function useExif(row: InventoryRow): ExifSummary | null | 'none' {
  const store = useStore();
  const [exif, setExif] = useState<{ sha: string; value: ExifSummary | null } | null>(null);
  useEffect(() => {
    if (row.mime !== 'image/jpeg') return;
    const run = { live: true };
    void (async () => {
      const r = await readBlob(store.ctx, row.sha256);
      if (!r.ok) return;
      // EXIF sits at the start of a JPEG: the first chunk is enough.
      try {
        for await (const first of r.value.chunks) {
          if (run.live) setExif({ sha: row.sha256, value: readExif(first.subarray(0, 256 * 1024)) });
          break;
        }
      } catch {
        // a chunk that does not open (#8): the pane names it; no EXIF is read from it
      }
    })();
    return () => {
      run.live = false;
    };
  }, [store, row.sha256, row.mime]);
  if (row.mime !== 'image/jpeg') return 'none';
  return exif?.sha === row.sha256 ? exif.value : null;
}

type PaneProps = { row: InventoryRow; zoom: number; turn: number };

/** Opening an item whose original is not on this laptop downloads it now, then shows it. */
function Pane(props: PaneProps) {
  const { t } = useTranslation();
  const presence = useBlobPresence(props.row.sha256, true);
  if (presence.local === true) return <LocalPane {...props} />;
  return (
    <figure className="evidence-pane" data-testid="evidence-pane">
      <div className="evidence-pane__stage">
        {presence.local === false && (
          <p>
            {t('evidence.blob.waiting')}{' '}
            <BlobState transfer={presence.transfer} onFetch={presence.fetchNow} testId="viewer-blob-state" />
          </p>
        )}
      </div>
      <figcaption>
        <strong>
          {props.row.no}. {props.row.name}
        </strong>
        <div className="evidence-hash">{t('evidence.viewer.hash', { hash: props.row.sha256 })}</div>
      </figcaption>
    </figure>
  );
}

function LocalPane({ row, zoom, turn }: PaneProps) {
  const { t } = useTranslation();
  const isImage = row.mime === 'image/jpeg' || row.mime === 'image/png';
  // HEIC has a display copy when libheif decoded it at import; older imports have none (download only).
  const isHeic = row.mime === 'image/heic';
  const displayCopy = useStoredCopy(isImage || isHeic ? row.sha256 : null, 'display');
  const originalCopy = useStoredCopy(isImage ? null : row.sha256, 'original');
  const display = displayCopy.url;
  const original = originalCopy.url;
  const unreadable = displayCopy.error ?? originalCopy.error;
  const exif = useExif(row);
  return (
    <figure className="evidence-pane" data-testid="evidence-pane">
      <div className="evidence-pane__stage">
        {unreadable !== null ? (
          <SealedDataError
            error={unreadable}
            record={t('security.sealed.evidenceRecord', { no: row.no, name: row.name })}
          />
        ) : (isImage || isHeic) && display !== null ? (
          <img
            src={display}
            alt={row.name}
            data-testid="evidence-display"
            style={{ transform: `rotate(${String(turn * 90)}deg) scale(${String(zoom)})` }}
          />
        ) : !isImage ? (
          <p>
            {t('evidence.viewer.noPreview', { mime: row.mime })}{' '}
            {original !== null && (
              <a className="btn" href={original} download={row.fileName}>
                {t('evidence.viewer.openPdf')}
              </a>
            )}
          </p>
        ) : null}
      </div>
      <figcaption>
        <strong>
          {row.no}. {row.name}
        </strong>
        <div className="evidence-hash">{t('evidence.viewer.hash', { hash: row.sha256 })}</div>
        <div>{t('evidence.viewer.size', { size: formatBytes(row.size) })}</div>
        {exif !== 'none' && (
          <div className="evidence-exif" data-testid="evidence-exif">
            <strong>{t('evidence.viewer.exif')}</strong>
            {exif === null || Object.keys(exif).length === 0 ? (
              <div>{t('evidence.viewer.exifNone')}</div>
            ) : (
              <>
                {(exif.make ?? exif.model) !== undefined && (
                  <div>
                    {t('evidence.viewer.exifCamera', {
                      camera: [exif.make, exif.model].filter(Boolean).join(' '),
                    })}
                  </div>
                )}
                {exif.takenAt !== undefined && (
                  <div>{t('evidence.viewer.exifTaken', { at: exif.takenAt })}</div>
                )}
                {exif.gps !== undefined && (
                  <div data-testid="evidence-gps">
                    {t('evidence.viewer.exifGps', {
                      lat: exif.gps.lat.toFixed(5),
                      lng: exif.gps.lng.toFixed(5),
                    })}
                  </div>
                )}
              </>
            )}
            <div className="muted">{t('evidence.viewer.exifNote')}</div>
          </div>
        )}
      </figcaption>
    </figure>
  );
}

type Props = { rows: readonly InventoryRow[]; evidenceId: string; onClose: () => void };

export function Viewer({ rows, evidenceId, onClose }: Props) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [turn, setTurn] = useState(0);
  const [compareId, setCompareId] = useState('');
  const row = rows.find((r) => r.evidenceId === evidenceId);
  const other = rows.find((r) => r.evidenceId === compareId);
  if (!row) return null;
  return (
    <div
      className="evidence-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={t('evidence.viewer.title')}
      data-testid="evidence-viewer"
    >
      <div className="evidence-viewer__bar">
        <button
          type="button"
          className="btn"
          onClick={() => {
            setZoom((z) => Math.min(8, z * 1.25));
          }}
        >
          {t('evidence.viewer.zoomIn')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setZoom((z) => Math.max(0.25, z / 1.25));
          }}
        >
          {t('evidence.viewer.zoomOut')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="evidence-rotate"
          onClick={() => {
            setTurn((r) => (r + 1) % 4);
          }}
        >
          {t('evidence.viewer.rotate')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setZoom(1);
            setTurn(0);
          }}
        >
          {t('evidence.viewer.reset')}
        </button>
        <label>
          {t('evidence.viewer.compareWith')}
          <select
            value={compareId}
            data-testid="evidence-compare"
            onChange={(e) => {
              setCompareId(e.target.value);
            }}
          >
            <option value="">{t('evidence.viewer.none')}</option>
            {rows
              .filter((r) => r.evidenceId !== evidenceId)
              .map((r) => (
                <option key={r.evidenceId} value={r.evidenceId}>
                  {r.no}. {r.name}
                </option>
              ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('evidence.viewer.close')}
        </button>
      </div>
      <div className={`evidence-viewer__panes${other ? ' evidence-viewer__panes--two' : ''}`}>
        <Pane row={row} zoom={zoom} turn={turn} />
        {other && <Pane row={other} zoom={zoom} turn={turn} />}
      </div>
    </div>
  );
}
