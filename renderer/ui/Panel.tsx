/* A titled block of a page with an empty-state line; used by the placeholder pages. */
import type { ReactNode } from 'react';

type PanelProps = { title: string; children: ReactNode };

export function Panel({ title, children }: PanelProps) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function EmptyLine({ children }: { children: ReactNode }) {
  return <p className="empty-line">{children}</p>;
}
