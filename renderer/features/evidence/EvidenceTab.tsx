/*
 * 证据 tab of the case file: add evidence (files, drag-and-drop, many at once, camera), the printable
 * 证据清单, the viewer (zoom, rotation as a view only, side by side), retraction with a reason, and the
 * verification package export. Mounted by the case page as <EvidenceTab caseId=… />.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddEvidence } from './AddEvidence';
import { CameraDialog } from './CameraDialog';
import { ExportPackage } from './ExportPackage';
import type { EvidenceMeta } from './import-evidence';
import { inventoryRows, type InventoryRow } from './inventory';
import { InventoryTable } from './InventoryTable';
import { RetractDialog } from './RetractDialog';
import { useEvidence } from './use-evidence';
import { Viewer } from './Viewer';
import './evidence.css';

export function EvidenceTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const ev = useEvidence(caseId);
  const [viewing, setViewing] = useState<string | null>(null);
  const [retracting, setRetracting] = useState<InventoryRow | null>(null);
  const [camera, setCamera] = useState<EvidenceMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = ev.state;
  const rows = useMemo(
    () =>
      state === null
        ? []
        : inventoryRows(state, {
            claimLabel: (item) => t(`evidence.claimItems.${item}`),
            collectedOnSite: t('evidence.add.collectedOnSite'),
            unknownParty: '—',
          }),
    [state, t],
  );
  if (ev.loading) return <p className="muted">{t('evidence.loading')}</p>;
  if (state === null) return <p className="muted">{t('evidence.notFound')}</p>;
  return (
    <section className="evidence" data-testid="evidence-tab">
      <div className="evidence__bar no-print">
        <h2>{t('evidence.title')}</h2>
        <ExportPackage caseId={caseId} state={state} rows={rows} />
        <button
          type="button"
          className="btn"
          data-testid="evidence-print"
          onClick={() => {
            window.print();
          }}
        >
          {t('evidence.inventory.print')}
        </button>
      </div>
      <div className="no-print">
        <AddEvidence
          state={state}
          queue={ev.queue}
          busy={ev.busy}
          onFiles={(files, meta) => void ev.addFiles(files, meta)}
          onCamera={setCamera}
          onShow={setViewing}
        />
      </div>
      {error !== null && (
        <p role="alert" className="no-print">
          {error}
        </p>
      )}
      <InventoryTable
        rows={rows}
        onView={setViewing}
        onRetract={setRetracting}
        onAcknowledge={(row, partyId, position) => {
          void ev.acknowledge(row.evidenceId, partyId, position).then((r) => {
            setError(r.ok ? null : t('evidence.inventory.ackFailed', { message: r.error.message }));
          });
        }}
      />
      {viewing !== null && (
        <Viewer
          rows={rows}
          evidenceId={viewing}
          onClose={() => {
            setViewing(null);
          }}
        />
      )}
      {retracting !== null && (
        <RetractDialog
          row={retracting}
          onCancel={() => {
            setRetracting(null);
          }}
          onConfirm={(reason) => {
            const row = retracting;
            setRetracting(null);
            void ev.retract(row.evidenceId, row.item.eventId, reason).then((r) => {
              setError(r.ok ? null : r.error.message);
            });
          }}
        />
      )}
      {camera !== null && (
        <CameraDialog
          onClose={() => {
            setCamera(null);
          }}
          onShot={(file) => {
            const meta = { ...camera, capturedAt: new Date().toISOString() };
            setCamera(null);
            void ev.addFiles([file], meta);
          }}
        />
      )}
    </section>
  );
}
