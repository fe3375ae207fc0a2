/*
 * Adding evidence: what the files are (caption, claims, who submitted them, original seen, kind,
 * place), then a file picker (many files, e.g. a scanner's output folder), drag-and-drop, or the
 * camera. Each file's progress and outcome stay listed; a duplicate links to the first copy.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { EVIDENCE_KINDS, type EvidenceKind } from '#shared/domain/sessions';
import type { EvidenceMeta } from './import-evidence';
import type { QueueItem } from './use-evidence';

type Props = {
  state: CaseState;
  queue: readonly QueueItem[];
  busy: boolean;
  onFiles: (files: File[], meta: EvidenceMeta) => void;
  onCamera: (meta: EvidenceMeta) => void;
  onShow: (evidenceId: string) => void;
};

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.heic,.heif,image/jpeg,image/png,application/pdf,image/heic';

export function AddEvidence({ state, queue, busy, onFiles, onCamera, onShow }: Props) {
  const { t } = useTranslation();
  const [caption, setCaption] = useState('');
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [party, setParty] = useState('');
  const [original, setOriginal] = useState(false);
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const [place, setPlace] = useState('');
  const [over, setOver] = useState(false);
  const meta = (): EvidenceMeta => ({
    caption,
    claimIds,
    originalSeen: original,
    ...(party ? { submittedByPartyId: party } : {}),
    ...(kind ? { kind } : {}),
    ...(place ? { locationText: place } : {}),
  });
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files, meta());
  };
  return (
    <section className="evidence-add panel" aria-labelledby="evidence-add-h">
      <h2 id="evidence-add-h">{t('evidence.add.heading')}</h2>
      <div className="evidence-add__fields">
        <label>
          {t('evidence.add.caption')}
          <input
            data-testid="evidence-caption"
            value={caption}
            placeholder={t('evidence.add.captionHint')}
            maxLength={500}
            onChange={(e) => {
              setCaption(e.target.value);
            }}
          />
        </label>
        <label>
          {t('evidence.add.submittedBy')}
          <select
            value={party}
            onChange={(e) => {
              setParty(e.target.value);
            }}
          >
            <option value="">{t('evidence.add.collectedOnSite')}</option>
            {state.parties.map((p) => (
              <option key={p.partyId} value={p.partyId}>
                {p.current.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('evidence.add.kind')}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as EvidenceKind | '');
            }}
          >
            <option value="">—</option>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`evidence.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('evidence.add.location')}
          <input
            value={place}
            maxLength={200}
            onChange={(e) => {
              setPlace(e.target.value);
            }}
          />
        </label>
        <label className="evidence-add__check">
          <input
            type="checkbox"
            checked={original}
            onChange={(e) => {
              setOriginal(e.target.checked);
            }}
          />
          {t('evidence.add.original')}
        </label>
      </div>
      {state.claims.length > 0 && (
        <fieldset className="evidence-add__claims">
          <legend>{t('evidence.add.claims')}</legend>
          {state.claims.map((c) => (
            <label key={c.claimId} className="evidence-add__check">
              <input
                type="checkbox"
                checked={claimIds.includes(c.claimId)}
                onChange={(e) => {
                  setClaimIds((ids) =>
                    e.target.checked ? [...ids, c.claimId] : ids.filter((id) => id !== c.claimId),
                  );
                }}
              />
              {c.current.description ?? t(`evidence.claimItems.${c.current.item}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div
        className={`evidence-drop${over ? ' evidence-drop--over' : ''}`}
        data-testid="evidence-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => {
          setOver(false);
        }}
        onDrop={drop}
      >
        <p>{t('evidence.add.drop')}</p>
        <label className="btn btn-primary">
          {t('evidence.add.pick')}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            data-testid="evidence-file-input"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) onFiles(files, meta());
            }}
          />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="evidence-camera"
          disabled={busy}
          onClick={() => {
            onCamera(meta());
          }}
        >
          {t('evidence.add.camera')}
        </button>
      </div>
      <ul className="evidence-queue" aria-live="polite" data-testid="evidence-queue">
        {queue.map((q) => (
          <li key={q.key} className={`evidence-queue__item evidence-queue__item--${q.status}`}>
            {q.status === 'failed' ? (
              <>
                <strong>{t('evidence.add.failed')}</strong> <span role="alert">{q.message}</span>
                {q.duplicateOf !== undefined && (
                  <button
                    type="button"
                    className="btn-link"
                    onClick={() => {
                      onShow(q.duplicateOf ?? '');
                    }}
                  >
                    {t('evidence.add.showFirst')}
                  </button>
                )}
              </>
            ) : q.status === 'done' ? (
              t('evidence.add.imported', { name: q.name })
            ) : (
              <>
                {t('evidence.add.importing', { name: q.name, percent: q.percent })}
                <progress max={100} value={q.percent} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
