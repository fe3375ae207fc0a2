/*
 * The frame of one page: its heading (focused after navigation, so keyboard and screen-reader users
 * land on the new page instead of the rail) and an optional row of actions.
 */
import type { ReactNode } from 'react';

type PageProps = { title: string; actions?: ReactNode; children: ReactNode; testId?: string };

export const pageHeadingId = 'page-heading';

export function Page({ title, actions, children, testId }: PageProps) {
  return (
    <section className="page" aria-labelledby={pageHeadingId} data-testid={testId}>
      <header className="page-header">
        <h1 id={pageHeadingId} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
