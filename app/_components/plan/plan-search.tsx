'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { Found, PlanSearchResults } from '../../../lib/search/search-plan';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useStateName } from '../i18n/use-state-name';
import { useBusyCall } from '../use-busy-call';

type Results = PlanSearchResults & { query: string };

/** A match in its context, the words marked. */
function InContext({ found }: { found: Found }) {
  return (
    <>
      {found.before}
      <mark className="find-match">{found.match}</mark>
      {found.after}
    </>
  );
}

/**
 * Finds words in the plan's goal, section titles, sections and discussion messages; the results stand
 * at the top of the page, grouped by section in the plan's order. Each opens where the words are.
 */
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

  const nothing = results && results.goal.length + results.titles.length + results.paragraphs + results.messages === 0;
  return (
    <section aria-labelledby="search-heading" className="card stack no-print plan-search">
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
            {nothing ? (
              t('nothingFound', { query: results.query })
            ) : (
              <>
                {results.hits.length < results.paragraphs
                  ? t('foundFirst', {
                      paragraphs: results.paragraphs,
                      sections: results.sections.length,
                      listed: results.hits.length,
                    })
                  : t('found', { paragraphs: results.paragraphs, sections: results.sections.length })}
                {results.messages > 0 && <> {t('messagesFound', { count: results.messages })}</>}
              </>
            )}
          </p>
          {results.goal.length > 0 && (
            <div className="stack search-group" data-testid="search-group">
              <h3>
                <Link href={`/plans/${planId}#goal-heading`}>{t('goal')}</Link>
              </h3>
              <ol className="plain stack">
                {results.goal.map((hit) => (
                  <li key={hit.block} className="search-hit">
                    <p className="small">
                      <InContext found={hit} />
                    </p>
                  </li>
                ))}
              </ol>
            </div>
          )}
          {results.sections.map((section) => {
            const href = `/plans/${planId}/sections/${section.id}`;
            const paragraphs = results.hits.filter((h) => h.section.id === section.id);
            const messages = results.messageHits.filter((m) => m.sectionId === section.id);
            return (
              <div key={section.id} className="stack search-group" data-testid="search-group">
                <h3>
                  <Link href={href}>
                    {t('hitSection', {
                      number: section.number,
                      title: section.title,
                      state: stateName(section.state.code),
                    })}
                  </Link>
                </h3>
                {results.titles.includes(section.id) && <p className="muted small">{t('inTitle')}</p>}
                {paragraphs.length > 0 && (
                  <ol className="plain stack" aria-label={t('results')}>
                    {paragraphs.map((hit) => (
                      <li key={hit.block} className="search-hit">
                        <p className="small">
                          <Link href={`${href}?find=${encodeURIComponent(results.query)}&block=${hit.block}`}>
                            <InContext found={hit} />
                          </Link>
                          {hit.matches > 1 && (
                            <span className="muted"> {t('timesInParagraph', { count: hit.matches })}</span>
                          )}
                        </p>
                      </li>
                    ))}
                  </ol>
                )}
                {messages.length > 0 && (
                  <ol className="plain stack" aria-label={t('messageResults')}>
                    {messages.map((hit) => (
                      <li key={hit.id} className="search-hit search-message">
                        <p className="small">
                          <Link href={`${href}#comment-${hit.id}`}>{t('messageFrom', { author: hit.author })}</Link>{' '}
                          <InContext found={hit} />
                        </p>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
