/*
 * Photographing evidence with the laptop camera (getUserMedia, video only). In Electron the permission
 * handler of #2 asks the user first; a refusal or a missing camera is explained, never a blank box.
 * The shot is a JPEG encoded from the video frame; it is imported like any file, captured "now".
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { onShot: (file: File) => void; onClose: () => void };

type CameraTexts = { denied: string; missing: string; failed: (message: string) => string };

function explain(e: unknown, texts: CameraTexts): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return texts.denied;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return texts.missing;
  return texts.failed(e instanceof Error ? e.message : String(e));
}

export function CameraDialog({ onShot, onClose }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const run: { live: boolean; stream: MediaStream | null } = { live: true, stream: null };
    const start = async () => {
      try {
        if (typeof navigator.mediaDevices === 'undefined')
          throw new DOMException('no camera', 'NotFoundError');
        const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
        if (!run.live) {
          stream.getTracks().forEach((tr) => {
            tr.stop();
          });
          return;
        }
        run.stream = stream;
        if (video.current) {
          video.current.srcObject = stream;
          await video.current.play();
        }
        setReady(true);
      } catch (e) {
        if (run.live)
          setError(
            explain(e, {
              denied: t('evidence.camera.denied'),
              missing: t('evidence.camera.missing'),
              failed: (message) => t('evidence.camera.failed', { message }),
            }),
          );
      }
    };
    void start();
    return () => {
      run.live = false;
      run.stream?.getTracks().forEach((tr) => {
        tr.stop();
      });
    };
  }, [t]);

  const shoot = () => {
    const v = video.current;
    if (!v) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        onShot(new File([blob], `拍照-${stamp}.jpg`, { type: 'image/jpeg', lastModified: Date.now() }));
      },
      'image/jpeg',
      0.92,
    );
  };

  return (
    <div
      className="evidence-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={t('evidence.camera.title')}
      data-testid="evidence-camera-dialog"
    >
      <h2>{t('evidence.camera.title')}</h2>
      {error !== null ? (
        <p role="alert" data-testid="evidence-camera-error">
          {error}
        </p>
      ) : (
        <video ref={video} className="evidence-camera__video" muted playsInline />
      )}
      <div className="evidence-viewer__bar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!ready || error !== null}
          data-testid="evidence-shoot"
          onClick={shoot}
        >
          {t('evidence.camera.shoot')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('evidence.camera.close')}
        </button>
      </div>
    </div>
  );
}
