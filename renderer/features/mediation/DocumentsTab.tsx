/*
 * 文书: the documents this case can produce now, previewed on an A4 sheet; print, save as PDF (Electron
 * only: the browser has no PDF API, the UI says so), and issue: the PDF's bytes (or, in the browser,
 * the standalone HTML's bytes) are hashed into document.issued. Issued documents are listed with hash and time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { renderHtml, renderText, type DocumentModel } from '#shared/documents/model';
import { sha256Hex } from '#shared/events/signing';
import { getPlatform, isElectronHost } from '../../platform';
import { documentDisclosure, withDisclosure } from '../../security/disclosure';
import { DisclosureNote } from '../../security/DisclosureNote';
import { BlobState } from '../evidence/BlobState';
import { useBlobPresence, useTransferBoardVersion } from '../evidence/use-blob-download';
import { docImages, imageHashes, type LoadImage } from './doc-images';
import { DocumentSheet } from './DocumentSheet';
import { producibleDocuments, type DocInputs } from './documents-available';
import { SelectField, TextInput } from '../../ui/TextInput';
import { useCaseTools } from './use-case-tools';
import './mediation.css';

/** A signature or seal image signed on another laptop: downloaded now, its state shown until then. */
function RemoteImage({ sha256 }: { sha256: string }) {
  const presence = useBlobPresence(sha256, true);
  if (presence.local !== false) return null;
  return <BlobState transfer={presence.transfer} onFetch={presence.fetchNow} testId="doc-image-state" />;
}

/** The preview sheet with the signature and seal images stored on this device (re-read as they arrive). */
function SheetWithImages({ doc, loadImage }: { doc: DocumentModel; loadImage: LoadImage }) {
  const hashes = [...new Set(imageHashes(doc))];
  const arrived = useTransferBoardVersion();
  const images = useQuery({
    queryKey: ['doc-images', arrived, ...hashes],
    queryFn: () => docImages(doc, loadImage),
    enabled: hashes.length > 0,
  });
  return (
    <>
      {hashes.map((h) => (
        <RemoteImage key={h} sha256={h} />
      ))}
      <DocumentSheet doc={doc} testId="document-preview" images={images.data ?? new Map()} />
    </>
  );
}

export function DocumentsTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tools = useCaseTools(caseId);
  const [org, setOrg] = useState<string | null>(null);
  const [selected, setSelected] = useState('application');
  const [court, setCourt] = useState('人民法院');
  const [recipient, setRecipient] = useState('');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [noticeKind, setNoticeKind] = useState<'mediation' | 'hearing'>('mediation');
  const [message, setMessage] = useState<string | null>(null);
  if (tools.loading) return <p className="muted">{t('mediation.loading')}</p>;
  const state = tools.state;
  if (state === null) return <p className="muted">{t('mediation.notFound')}</p>;

  const orgName = org ?? tools.enrollment?.orgName ?? '';
  const recipientId = recipient || (state.parties[0]?.partyId ?? '');
  const inputs: DocInputs = {
    orgName,
    mediatorName: tools.enrollment?.userName ?? '',
    today: tools.today,
    notice: { recipientPartyId: recipientId, kind: noticeKind, when: when || `${tools.today}T09:00`, place },
    courtName: court,
    served: { recipientPartyId: recipientId, documentTitle: '调解协议书', place },
  };
  const docs = producibleDocuments(state, inputs);
  const current = docs.find((d) => d.key === selected) ?? docs[0];
  const electron = isElectronHost();

  const print = async () => {
    if (!current) return;
    const api = getPlatform();
    if (electron) {
      const r = await api.documents.print({
        html: renderHtml(current.doc, await docImages(current.doc, tools.loadImage)),
      });
      if (!r.ok) setMessage(r.error.message);
      return;
    }
    // The browser prints this page with print CSS that shows only the A4 sheet (the CSP forbids the
    // inline styles a standalone document would need in a srcdoc frame).
    document.body.classList.add('printing-document');
    try {
      const r = await api.documents.print({});
      if (!r.ok) setMessage(r.error.message);
    } finally {
      document.body.classList.remove('printing-document');
    }
  };

  // #8: the issued file (HTML or the PDF printed from it) says which personal fields it carries.
  const disclosure = current ? documentDisclosure(renderText(current.doc)) : null;

  const issue = async (asPdf: boolean) => {
    if (!current) return;
    const html = withDisclosure(
      renderHtml(current.doc, await docImages(current.doc, tools.loadImage)),
      documentDisclosure(renderText(current.doc)).line,
    );
    let bytes: Uint8Array = new TextEncoder().encode(html);
    if (asPdf) {
      const pdf = await getPlatform().documents.printToPdf({ html });
      if (!pdf.ok) {
        setMessage(t('mediation.docs.failed', { message: pdf.error.message }));
        return;
      }
      bytes = pdf.value.pdf;
      // Main hashed the bytes before they crossed the bridge: what is saved and recorded must be them.
      if ((await sha256Hex(bytes)) !== pdf.value.sha256) {
        setMessage(t('mediation.docs.hashMismatch'));
        return;
      }
      const saved = await getPlatform().files.saveDialog({
        suggestedName:
          `${current.doc.title}-${state.numbers.official?.number ?? state.numbers.temporary ?? ''}.pdf`.replace(
            /[\\/:*?"<>|]/g,
            '_',
          ),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        bytes: new Uint8Array(bytes),
      });
      if (!saved.ok) setMessage(t('mediation.docs.failed', { message: saved.error.message }));
    }
    const sha256 = await sha256Hex(bytes);
    const stored = await tools.record([
      {
        caseId,
        type: 'document.issued',
        payload: {
          documentId: tools.newId(),
          templateId: current.doc.templateId,
          templateVersion: current.doc.templateVersion,
          title: current.doc.title,
          sha256,
          size: bytes.byteLength,
          ...(current.agreementId ? { agreementId: current.agreementId } : {}),
        },
      },
    ]);
    if (stored) setMessage(t('mediation.saved'));
  };

  const wall = (eventId: string) =>
    state.audit
      .find((a) => a.eventId === eventId)
      ?.wall.slice(0, 16)
      .replace('T', ' ') ?? '';
  const principals = state.parties.filter((p) => p.current.role !== 'agent');

  return (
    <section className="documents" data-testid="panel-documents">
      <h2>{t('mediation.docs.title')}</h2>
      <TextInput label={t('mediation.docs.org')} testId="docs-org" value={orgName} onChange={setOrg} />
      <h3>{t('mediation.docs.available')}</h3>
      <div className="doc-list" role="tablist">
        {docs.map((d) => (
          <button
            key={d.key}
            type="button"
            role="tab"
            aria-selected={d.key === current?.key}
            className={`btn${d.key === current?.key ? ' btn-primary' : ''}`}
            data-testid={`doc-${d.key}`}
            onClick={() => {
              setSelected(d.key);
            }}
          >
            {d.doc.title}
          </button>
        ))}
      </div>
      <div className="row-form">
        {(current?.key === 'notice' || current?.key === 'receipt') && (
          <>
            <SelectField
              label={t('mediation.docs.recipient')}
              value={recipientId}
              options={principals.map((p) => ({ value: p.partyId, label: p.current.name }))}
              onChange={setRecipient}
            />
            <TextInput label={t('mediation.docs.place')} value={place} onChange={setPlace} />
          </>
        )}
        {current?.key === 'notice' && (
          <>
            <SelectField
              label={t('mediation.docs.noticeKind')}
              value={noticeKind}
              options={(['mediation', 'hearing'] as const).map((k) => ({
                value: k,
                label: t(`mediation.docs.noticeKinds.${k}`),
              }))}
              onChange={setNoticeKind}
            />
            <TextInput
              label={t('mediation.docs.when')}
              value={when}
              onChange={setWhen}
              input={{ type: 'datetime-local' }}
            />
          </>
        )}
        {current?.key === 'judicial-confirmation' && (
          <TextInput label={t('mediation.docs.court')} value={court} onChange={setCourt} />
        )}
      </div>
      <div className="signing-actions">
        <button type="button" className="btn" data-testid="doc-print" onClick={() => void print()}>
          {t('mediation.docs.print')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="doc-pdf"
          disabled={!electron}
          onClick={() => void issue(true)}
        >
          {t('mediation.docs.pdf')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="doc-issue"
          onClick={() => void issue(electron)}
        >
          {t('mediation.docs.issue')}
        </button>
      </div>
      {disclosure && (
        <DisclosureNote
          kind="fields"
          fields={disclosure.fields}
          masked={disclosure.masked}
          testId="doc-disclosure"
        />
      )}
      {!electron && (
        <p className="muted" data-testid="pdf-unsupported">
          {t('mediation.docs.pdfUnsupported')}
        </p>
      )}
      {message !== null && (
        <p role="status" data-testid="docs-message">
          {message}
        </p>
      )}
      {tools.error !== null && (
        <p role="alert" className="form-error">
          {tools.error}
        </p>
      )}
      {current && <SheetWithImages doc={current.doc} loadImage={tools.loadImage} />}
      <h3>{t('mediation.docs.issued')}</h3>
      {state.documents.length === 0 ? (
        <p className="muted">{t('mediation.docs.noneIssued')}</p>
      ) : (
        <ul data-testid="issued-documents">
          {state.documents.map((d) => (
            <li key={d.eventId}>
              {wall(d.eventId)} · {d.title} · <span className="hash">{d.sha256}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
