'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { SearchHit } from '../../../lib/search/search-plan';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';

type Results = { query: string; hits: SearchHit[]; paragraphs: number };

/** Finds words across every section of the plan; each paragraph found opens its section with the words marked. */
export function PlanSearch({ planId }: { planId: string }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const { run, error, busy } = useBusyCall();

  async function search(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const found = await api<Omit<Results, 'query'>>('GET', `/api/plans/${planId}/search?q=${encodeURIComponent(query)}`);
      setResults({ query: query.trim(), ...found });
    });
  }

  const sections = new Set(results?.hits.map((h) => h.section.id)).size;
  return (
    <section aria-labelledby="search-heading" className="card stack">
      <h2 id="search-heading">Search the plan</h2>
      <form role="search" className="row" onSubmit={(e) => void search(e)}>
        <input type="search" aria-label="Words to find in every section" value={query} onChange={(e) => setQuery(e.target.value)} minLength={2} maxLength={200} required />
        <button type="submit" disabled={busy}>
          Search
        </button>
      </form>
      <ErrorAlert message={error} />
      {results && (
        <>
          <p aria-live="polite">
            {results.paragraphs === 0
              ? `Nothing found for “${results.query}”.`
              : `${results.paragraphs} paragraph${results.paragraphs === 1 ? '' : 's'} in ${sections} section${sections === 1 ? '' : 's'}${results.hits.length < results.paragraphs ? ` (the first ${results.hits.length} listed)` : ''}.`}
          </p>
          <ol className="plain stack" aria-label="Paragraphs found">
            {results.hits.map((hit) => (
              <li key={`${hit.section.id}-${hit.block}`} className="search-hit">
                <Link href={`/plans/${planId}/sections/${hit.section.id}?find=${encodeURIComponent(results.query)}&block=${hit.block}`}>
                  {hit.section.number}. {hit.section.title} · {hit.section.state.name}
                </Link>
                <p className="small">
                  {hit.before}
                  <mark className="find-match">{hit.match}</mark>
                  {hit.after}
                  {hit.matches > 1 && <span className="muted"> ({hit.matches} times in this paragraph)</span>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
