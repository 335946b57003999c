import type { ReactNode } from 'react';

/** One titled card of the manage page (`title`: in the reader's language). */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card stack panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
