import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AccountActivity } from '../../../lib/audit/list-account-activity';
import { LocalTime } from '../local-time';

type Props = {
  entries: AccountActivity[];
  /** Who reads: their own actions are said with "you". */
  viewerId: string;
  /** The id of the list's heading, which names the list. */
  labelledBy: string;
  /** The link to a page of the list: the newest (no cursor) or the one older than an entry. */
  pageHref: (before?: number) => string;
  olderBefore: number | null;
  /** Whether this page is an older one (a link back to the newest is offered). */
  paged: boolean;
};

const minutesOf = (after: unknown): number => {
  const minutes = after && typeof after === 'object' ? (after as { minutes?: unknown }).minutes : undefined;
  return typeof minutes === 'number' ? minutes : 15;
};

/** An account's activity as sentences, newest first, with pages: on /account for its owner, on /admin/activity for administrators. */
export async function AccountActivityList({ entries, viewerId, labelledBy, pageHref, olderBefore, paged }: Props) {
  const t = await getTranslations('AccountActivity');
  const sentence = (e: AccountActivity) => {
    const key = `events.${e.action.replace('.', '_')}`;
    if (!t.has(key as never)) return t('unknown', { action: e.action });
    const values = {
      self: e.actorId === viewerId ? 'yes' : 'other',
      who: e.actor ?? t('someone'),
      minutes: minutesOf(e.after),
    };
    return t(key as never, values as never);
  };
  return (
    <>
      {entries.length === 0 ? (
        <p className="muted" data-testid="activity-empty">
          {paged ? t('noOlder') : t('empty')}
        </p>
      ) : (
        <ol className="plain account-activity" aria-labelledby={labelledBy}>
          {entries.map((e) => (
            <li key={e.id}>
              <span className="muted">
                <LocalTime at={e.at} />
              </span>{' '}
              {sentence(e)}
            </li>
          ))}
        </ol>
      )}
      {(olderBefore || paged) && (
        <nav className="row" aria-label={t('pages')}>
          {paged && <Link href={pageHref()}>{t('newest')}</Link>}
          {olderBefore && <Link href={pageHref(olderBefore)}>{t('older')}</Link>}
        </nav>
      )}
    </>
  );
}

/** A `before` cursor from the address, or undefined when there is none or it is not a whole number. */
export function beforeParam(value: string | string[] | undefined): number | undefined {
  const number = typeof value === 'string' ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
