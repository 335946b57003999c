import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications, planMembers, users } from '../../db/schema';
import { isLocale, type Locale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { readNotificationViews, type NotificationView } from '../notifications/list-notifications';
import { notificationText } from '../shared/notification-text';
import { queueEmails, type QueuedEmail } from './queue-email';
import { renderEmail } from './render-email';
import { unsubscribeLink } from './unsubscribe';

/**
 * Notifications older than this are never emailed: someone who turns email on (or a server that
 * starts sending) does not receive the past.
 */
const EMAIL_HORIZON_MS = 2 * 24 * 60 * 60_000;

/** Notifications taken into emails per pass; a larger backlog is taken by the next passes. */
const BATCH = 500;

/** The latest digest time (`hour`:00 UTC) at or before `now`: digests gather what came before it. */
export function digestCutoff(now: Date, hour: number): Date {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (cutoff > now) cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  return cutoff;
}

/** `stop`: the link that turns their notification emails off without signing in. */
type Recipient = { email: string; locale: Locale; stop: string };

/**
 * Takes the notifications due for email into the outbox, in one transaction with marking them
 * emailed (so each is emailed once, whichever instance takes it): each of a user who wants them at
 * once as its own email, and those of a user who wants a daily digest, made before the latest digest
 * time, as one email. Returns how many emails were queued.
 */
export async function composeNotificationEmails(
  db: Db,
  /** `secret`: signs the unsubscribe links (the server's NEXTAUTH_SECRET). */
  options: { siteOrigin: string; secret: string; digestHour: number; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() - EMAIL_HORIZON_MS);
  const link = (path: string) => new URL(path, options.siteOrigin).toString();
  return db.transaction(async (tx) => {
    const claim = async (mode: 'immediate' | 'daily', before: Date) => {
      const due = tx
        .select({ id: notifications.id })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .innerJoin(
          planMembers,
          and(eq(planMembers.planId, notifications.planId), eq(planMembers.userId, notifications.userId)),
        )
        .where(
          and(
            isNull(notifications.emailedAt),
            eq(users.emailNotifications, mode),
            gt(notifications.createdAt, horizon),
            lt(notifications.createdAt, before),
          ),
        )
        .limit(BATCH)
        .for('update', { of: notifications, skipLocked: true });
      const claimed = await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(inArray(notifications.id, due))
        .returning({ id: notifications.id });
      if (!claimed.length) return [];
      return readNotificationViews(
        tx,
        inArray(
          notifications.id,
          claimed.map((c) => c.id),
        ),
        BATCH,
      );
    };
    const immediate = await claim('immediate', now);
    const daily = await claim('daily', digestCutoff(now, options.digestHour));
    const recipients = await recipientsOf(tx, [...immediate, ...daily], (userId) =>
      unsubscribeLink(options.siteOrigin, userId, options.secret),
    );
    const emails: QueuedEmail[] = [];
    for (const n of immediate) {
      const to = recipients.get(n.userId);
      if (to) emails.push(notificationEmail(to, n, link));
    }
    for (const [userId, list] of groupByUser(daily)) {
      const to = recipients.get(userId);
      if (to) emails.push(digestEmail(to, list.reverse(), link));
    }
    await queueEmails(tx, emails);
    return emails.length;
  });
}

async function recipientsOf(
  db: Db,
  views: ReadonlyArray<{ userId: string }>,
  stop: (userId: string) => string,
): Promise<Map<string, Recipient>> {
  const ids = [...new Set(views.map((v) => v.userId))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(
    rows.map((r) => [r.id, { email: r.email, locale: isLocale(r.locale) ? r.locale : 'en', stop: stop(r.id) }]),
  );
}

function groupByUser<T extends { userId: string }>(views: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const v of views) groups.set(v.userId, [...(groups.get(v.userId) ?? []), v]);
  return groups;
}

/** The `NotificationList` messages the bell says notifications with, for `notificationText`. */
const listWords =
  (t: ReturnType<typeof translator>): Parameters<typeof notificationText>[0] =>
  (key, values) =>
    t(`NotificationList.${key}`, values);

function notificationEmail(to: Recipient, n: NotificationView, link: (path: string) => string): QueuedEmail {
  const t = translator(to.locale);
  const words = notificationText(listWords(t), n);
  return {
    kind: 'notification',
    to: to.email,
    ...renderEmail({
      locale: to.locale,
      subject: words,
      paragraphs: [
        { text: words, link: { label: t('Email.openLink'), url: link(n.href) } },
        { text: '', link: { label: t('Email.unsubscribeLink'), url: to.stop } },
      ],
      footer: t('Email.notificationFooter'),
    }),
  };
}

/** One email for a day's notifications, oldest first, each with its link. */
function digestEmail(to: Recipient, list: readonly NotificationView[], link: (path: string) => string): QueuedEmail {
  const t = translator(to.locale);
  return {
    kind: 'digest',
    to: to.email,
    ...renderEmail({
      locale: to.locale,
      subject: t('Email.digestSubject', { count: list.length }),
      paragraphs: [
        { text: t('Email.digestIntro') },
        ...list.map((n) => ({
          text: notificationText(listWords(t), n),
          link: { label: t('Email.openLink'), url: link(n.href) },
        })),
        { text: '', link: { label: t('Email.allLink'), url: link('/notifications') } },
        { text: '', link: { label: t('Email.unsubscribeLink'), url: to.stop } },
      ],
      footer: t('Email.notificationFooter'),
    }),
  };
}
