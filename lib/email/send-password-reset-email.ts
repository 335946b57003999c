import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { isLocale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { logger } from '../log';
import { emailSetup } from './email-setup';
import { queueEmail } from './queue-email';
import { renderEmail } from './render-email';

/**
 * Emails a password reset link to its account's address, in the account's interface language, when the
 * server sends email; otherwise does nothing (the administrator passes the link on). A failure is logged
 * and the link stands, as the administrator is shown it anyway. Says whether the email was queued.
 */
export async function sendPasswordResetEmail(
  db: Db,
  options: { userId: string; token: string; hours: number },
): Promise<boolean> {
  const setup = emailSetup();
  if (!setup) return false;
  try {
    const [user] = await db
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, options.userId));
    if (!user) return false;
    const locale = isLocale(user.locale) ? user.locale : 'en';
    const t = translator(locale);
    const url = new URL(`/password-reset/${options.token}`, setup.siteOrigin).toString();
    const email = renderEmail({
      locale,
      subject: t('Email.resetSubject'),
      paragraphs: [
        { text: t('Email.reset', { name: user.name }) },
        { text: t('Email.resetExpiry', { hours: options.hours }), link: { label: t('Email.resetLink'), url } },
      ],
      footer: t('Email.resetFooter'),
    });
    await queueEmail(db, { ...email, kind: 'password-reset', to: user.email });
    return true;
  } catch (error) {
    logger('email').error({ err: error, userId: options.userId }, 'could not queue a password reset email');
    return false;
  }
}
