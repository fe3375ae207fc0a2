/*
 * The frame around every page: skip button, left rail, top bar, the page, and the lock overlay. While
 * locked, the frame is inert so nothing behind the overlay can be focused or read.
 */
import { useRef } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocked } from '../../stores/lock';
import { LockOverlay } from './LockOverlay';
import { Rail } from './Rail';
import { TopBar } from './TopBar';
import { useFocusPageOnNavigate } from './use-focus-page';
import './shell.css';

export function Shell() {
  const { t } = useTranslation();
  const locked = useLocked();
  const mainRef = useRef<HTMLElement>(null);
  useFocusPageOnNavigate(mainRef);
  return (
    <>
      <div className="shell" inert={locked}>
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          {t('app.skipToMain')}
        </button>
        <Rail />
        <div className="shell-body">
          <TopBar />
          <main id="main" ref={mainRef} tabIndex={-1} className="shell-main">
            <Outlet />
          </main>
        </div>
      </div>
      {locked ? <LockOverlay /> : null}
    </>
  );
}
