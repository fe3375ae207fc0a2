/*
 * The gate in front of all case data: nothing below it renders until the keyring hands out a codec.
 * First run sets the passphrase; later starts unlock; a forgotten passphrase leads to the hub-side
 * recovery. While unlocked, idleness or a hidden window locks: the session (and with it the only
 * reference to the codec and its keys) is dropped and the renderer reloads, so no plaintext is left
 * in this heap (R7).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '#shared/util/assert-never';
import { startAutoLock, type AutoLockOptions } from '../../security/auto-lock';
import type { Keyring, KeyringError, KeyringInfo, Unlocked } from '../../security/keyring';
import { setLockHandler } from '../../stores/lock';
import { RecoverForm, SetupForm, UnlockForm } from './forms';
import './unlock.css';

export type UnlockGateProps = {
  keyring: Keyring;
  /** The app; a function receives the unlocked session (its codec) to build the data layer. */
  children: ReactNode | ((session: Unlocked) => ReactNode);
  onUnlocked?: (session: Unlocked) => void;
  /** Idle time before locking; 10 minutes by default. */
  idleMs?: number;
  now?: () => number;
  /** How locking clears the heap; `location.reload()` by default. */
  reload?: () => void;
  /** Subscribes to the host's lock signal (Electron: suspend / OS screen lock); answers an unsubscribe. */
  lockSignal?: (lock: () => void) => () => void;
  /** Auto-lock wiring for tests (event target, timers). */
  autoLock?: Pick<AutoLockOptions, 'target' | 'timers' | 'lockOnHidden'>;
};

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'unlock'; info: KeyringInfo | null; error: KeyringError | null }
  | { kind: 'recover'; info: KeyringInfo | null }
  | { kind: 'unlocked'; session: Unlocked }
  | { kind: 'locked' };

export function UnlockGate(props: UnlockGateProps) {
  const { keyring, onUnlocked, idleMs, now, autoLock, lockSignal } = props;
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const reloadRef = useRef(
    props.reload ??
      (() => {
        location.reload();
      }),
  );

  useEffect(() => {
    let live = true;
    void keyring.info().then((r) => {
      if (!live) return;
      if (r.ok) setPhase(r.value ? { kind: 'unlock', info: r.value, error: null } : { kind: 'setup' });
      else setPhase({ kind: 'unlock', info: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [keyring]);

  const enter = useCallback(
    (r: Awaited<ReturnType<Keyring['unlock']>>): KeyringError | null => {
      if (!r.ok) return r.error;
      setPhase({ kind: 'unlocked', session: r.value });
      onUnlocked?.(r.value);
      return null;
    },
    [onUnlocked],
  );

  const unlocked = phase.kind === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const lock = () => {
      setLockHandler(null);
      setPhase({ kind: 'locked' }); // drops the session: the codec and its keys become unreachable
      reloadRef.current();
    };
    const auto = startAutoLock({
      onLock: lock,
      ...(idleMs ? { idleMs } : {}),
      ...(now ? { now } : {}),
      ...autoLock,
    });
    setLockHandler(auto.lockNow);
    const stopSignal = lockSignal?.(auto.lockNow);
    return () => {
      stopSignal?.();
      auto.stop();
      setLockHandler(null);
    };
  }, [unlocked, idleMs, now, autoLock, lockSignal]);

  switch (phase.kind) {
    case 'loading':
      return <p className="unlock-loading">{t('security.loading')}</p>;
    case 'locked':
      return (
        <p className="unlock-loading" data-testid="locked">
          {t('security.locked')}
        </p>
      );
    case 'setup':
      return <SetupForm onCreate={async (p) => enter(await keyring.create(p))} />;
    case 'unlock':
      return (
        <UnlockForm
          initialError={phase.error}
          onUnlock={async (p) => enter(await keyring.unlock(p))}
          onForgot={() => {
            setPhase({ kind: 'recover', info: phase.info });
          }}
        />
      );
    case 'recover':
      return (
        <RecoverForm
          info={phase.info}
          onRecover={async (key, p) => enter(await keyring.recoverWithDataKey(key, p))}
          onBack={() => {
            setPhase({ kind: 'unlock', info: phase.info, error: null });
          }}
        />
      );
    case 'unlocked':
      return typeof props.children === 'function' ? props.children(phase.session) : props.children;
    default:
      return assertNever(phase);
  }
}
