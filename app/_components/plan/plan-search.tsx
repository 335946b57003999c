'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { SearchHit } from '../../../lib/search/search-plan';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useStateName } from '../i18n/use-state-name';
import { useBusyCall } from '../use-busy-call';

type Results = { query: string; hits: SearchHit[]; paragraphs: number };

/** Finds words across every section of the plan; each paragraph found opens its section with the words marked. */
export function PlanSearch({ planId }: { planId: string }) {
  const t = useTranslations('PlanSearch');
  const stateName = useStateName();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const { run, error, busy } = useBusyCall();

  async function search(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const found = await api<Omit<Results, 'query'>>(
        'GET',
        `/api/plans/${planId}/search?q=${encodeURIComponent(query)}`,
      );
      setResults({ query: query.trim(), ...found });
    });
  }

  const sections = new Set(results?.hits.map((h) => h.section.id)).size;
  return (
    <section aria-labelledby="search-heading" className="card stack no-print">
      <h2 id="search-heading">{t('heading')}</h2>
      <form role="search" className="row" onSubmit={(e) => void search(e)}>
        <input
          type="search"
          aria-label={t('query')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          minLength={2}
          maxLength={200}
          required
        />
        <button type="submit" disabled={busy}>
          {t('search')}
        </button>
      </form>
      <ErrorAlert message={error} />
      {results && (
        <>
          <p aria-live="polite">
            {results.paragraphs === 0
              ? t('nothingFound', { query: results.query })
              : results.hits.length < results.paragraphs
                ? t('foundFirst', { paragraphs: results.paragraphs, sections, listed: results.hits.length })
                : t('found', { paragraphs: results.paragraphs, sections })}
          </p>
          <ol className="plain stack" aria-label={t('results')}>
            {results.hits.map((hit) => (
              <li key={`${hit.section.id}-${hit.block}`} className="search-hit">
                <Link
                  href={`/plans/${planId}/sections/${hit.section.id}?find=${encodeURIComponent(results.query)}&block=${hit.block}`}
                >
                  {t('hitSection', {
                    number: hit.section.number,
                    title: hit.section.title,
                    state: stateName(hit.section.state.code),
                  })}
                </Link>
                <p className="small">
                  {hit.before}
                  <mark className="find-match">{hit.match}</mark>
                  {hit.after}
                  {hit.matches > 1 && <span className="muted"> {t('timesInParagraph', { count: hit.matches })}</span>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
