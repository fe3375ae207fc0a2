/*
 * After an in-app navigation, move focus to the new page's heading (not on first load, where focus
 * belongs to the document start and the skip button).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { pageHeadingId } from '../../ui/Page';

export function useFocusPageOnNavigate(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>(`#${pageHeadingId}`);
    (heading ?? mainRef.current)?.focus();
  }, [pathname, mainRef]);
}
