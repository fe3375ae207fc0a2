/*
 * The full-screen signing pad: one signer at a time (parties, then the mediator), the signer's name and
 * the text's hash shown small, driven by the pure state machine of shared/documents/signing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawMessage } from '#shared/law/messages';
import { addSignature, currentSigner, undoLast, type SigningState } from '#shared/documents/signing';
import type { Result } from '#shared/util/result';
import { PAD_HEIGHT, PAD_WIDTH, SignaturePad } from './SignaturePad';
import { strokesToSvg, type Stroke } from './signature-svg';

export function SigningOverlay({
  initial,
  nowIso,
  storeSignature,
  onComplete,
  onCancel,
}: {
  initial: SigningState;
  nowIso: () => string;
  /** Keeps the signature image (by its hash); a signature whose image could not be kept is refused. */
  storeSignature: (svg: string) => Promise<{ ok: true; sha256: string } | { ok: false; message: string }>;
  /** Called with the complete state; a returned error stays on screen. */
  onComplete: (s: SigningState) => Promise<Result<void, LawMessage | string>>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState(initial);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const who = currentSigner(state);

  const next = async (kind: 'signature' | 'refused') => {
    let hash: string | null = null;
    if (kind === 'signature' && strokes.some((x) => x.length > 0)) {
      const stored = await storeSignature(strokesToSvg(strokes, PAD_WIDTH, PAD_HEIGHT));
      if (!stored.ok) {
        setMessage(stored.message);
        return;
      }
      hash = stored.sha256;
    }
    const r = addSignature(state, { imageSha256: hash, at: nowIso(), kind });
    if (!r.ok) {
      setMessage(r.error.zh);
      return;
    }
    setStrokes([]);
    setMessage(null);
    setState(r.value);
    if (r.value.phase === 'complete') {
      const done = await onComplete(r.value);
      if (!done.ok) setMessage(typeof done.error === 'string' ? done.error : done.error.zh);
    }
  };

  return (
    <div className="signing-overlay" role="dialog" aria-modal="true" data-testid="signing-overlay">
      <header>
        <h2 data-testid="signing-who">
          {who === null ? '' : t('mediation.signing.title', { role: who.roleZh, name: who.name })}
        </h2>
        <p className="muted">
          {t('mediation.signing.progress', {
            n: Math.min(state.done.length + 1, state.signers.length),
            total: state.signers.length,
          })}{' '}
          · {t('mediation.signing.hint')}
        </p>
        <p className="hash">{t('mediation.signing.textHash', { hash: state.textSha256 })}</p>
      </header>
      <SignaturePad strokes={strokes} onChange={setStrokes} label={t('mediation.signing.hint')} />
      <footer className="signing-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="signing-confirm"
          onClick={() => void next('signature')}
        >
          {t('mediation.signing.confirm')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setStrokes([]);
          }}
        >
          {t('mediation.signing.clear')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="signing-refuse"
          onClick={() => void next('refused')}
        >
          {t('mediation.signing.refuse')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={state.done.length === 0}
          onClick={() => {
            setState(undoLast(state));
          }}
        >
          {t('mediation.signing.back')}
        </button>
        <button type="button" className="btn" data-testid="signing-cancel" onClick={onCancel}>
          {t('mediation.signing.cancel')}
        </button>
        {message !== null && (
          <p role="alert" className="form-error" data-testid="signing-message">
            {message}
          </p>
        )}
      </footer>
    </div>
  );
}
