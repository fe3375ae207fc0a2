/*
 * 导出核验包: a zip download everywhere, or straight into a folder where the File System Access API
 * exists (Chromium, Electron), which keeps memory flat for big files. Progress per file; the outcome
 * (or the reason it failed) stays on screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { useStore } from '../../app/data-provider';
import { createSyncLocal } from '../../data/outbox';
import {
  directorySink,
  exportEvidencePackage,
  zipSink,
  type DirectoryHandle,
  type PackageSink,
} from './export-package';
import { evidencePackageDisclosure } from '../../security/disclosure';
import { DisclosureNote } from '../../security/DisclosureNote';
import { inventoryHtml, type InventoryRow } from './inventory';
import { columns, COLUMN_KEYS } from './InventoryTable';

type Picker = { showDirectoryPicker?: (o: { mode: 'readwrite' }) => Promise<DirectoryHandle> };
const APP_VERSION = '0.1.0';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

export function ExportPackage({
  caseId,
  state,
  rows,
}: {
  caseId: string;
  state: CaseState;
  rows: readonly InventoryRow[];
}) {
  const { t } = useTranslation();
  const store = useStore();
  const [status, setStatus] = useState<string | null>(null);
  const picker = (globalThis as Picker).showDirectoryPicker;
  const caseNumber = state.numbers.official?.number ?? state.numbers.temporary ?? caseId;

  const run = async (mode: 'zip' | 'folder') => {
    const author = await store.author();
    if (!author) {
      setStatus(t('evidence.exportPkg.notEnrolled'));
      return;
    }
    const events = await store.caseEvents(caseId);
    if (!events.ok) {
      setStatus(t('evidence.exportPkg.failed', { message: events.error.message }));
      return;
    }
    let sink: PackageSink;
    const zip = zipSink();
    if (mode === 'folder' && picker) {
      try {
        sink = directorySink(await picker({ mode: 'readwrite' }));
      } catch {
        return; // the user closed the folder picker
      }
    } else sink = zip;
    const heads = columns(t);
    const html = inventoryHtml(
      `${t('evidence.inventory.title')} ${caseNumber}`,
      COLUMN_KEYS.map((k) => heads[k]),
      rows.map((r) => [
        String(r.no),
        r.retracted
          ? `${r.name}（${t('evidence.inventory.retracted', { reason: r.retracted.reason })}）`
          : r.name,
        r.source,
        r.proves,
        t(`evidence.inventory.original.${r.original}`),
        r.submittedBy,
        t(`evidence.inventory.acknowledged.${r.acknowledged}`),
        r.sha256,
      ]),
      `npm run verify-evidence -- <package>\n${evidencePackageDisclosure(rows.length)}`,
    );
    const r = await exportEvidencePackage(
      {
        ctx: store.ctx,
        author,
        publicJwk: await store.publicKeyJwk(),
        // Other devices' keys as pull pinned them: events pulled from colleagues verify in the package.
        otherKeys: await createSyncLocal(store).deviceKeys(),
        appVersion: APP_VERSION,
        caseId,
        caseNumber,
        events: events.value,
        inventoryHtml: html,
        now: () => Date.now(),
        onProgress: (done, total) => {
          setStatus(t('evidence.exportPkg.progress', { done, total }));
        },
      },
      sink,
    );
    if (!r.ok) {
      setStatus(t('evidence.exportPkg.failed', { message: r.error.message }));
      return;
    }
    if (sink === zip) download(zip.result(), `证据核验包-${caseNumber}.zip`);
    setStatus(t('evidence.exportPkg.done', { files: r.value.files }));
  };

  return (
    <div className="evidence-export">
      <button type="button" className="btn" data-testid="evidence-export-zip" onClick={() => void run('zip')}>
        {t('evidence.exportPkg.zip')}
      </button>
      {picker && (
        <button
          type="button"
          className="btn"
          data-testid="evidence-export-folder"
          onClick={() => void run('folder')}
        >
          {t('evidence.exportPkg.folder')}
        </button>
      )}
      <DisclosureNote kind="evidencePackage" files={rows.length} testId="evidence-export-disclosure" />
      {status !== null && (
        <span role="status" data-testid="evidence-export-status">
          {status}
        </span>
      )}
    </div>
  );
}
