import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { plans, users } from '../../db/schema';
import { isLocale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { logger } from '../log';
import { stateName } from '../shared/member-states';
import { emailSetup } from './email-setup';
import { queueEmail } from './queue-email';
import { renderEmail } from './render-email';

/**
 * Emails a one-time invitation link to the address a chair appointed, when the server sends email;
 * otherwise does nothing (the chair passes the link on). It is written in the inviter's interface
 * language: the invited person has no account, hence no language of their own yet. A failure is
 * logged and the invitation stands, as its link is shown to the chair anyway. Says whether the email
 * was queued.
 */
export async function sendInvitationEmail(
  db: Db,
  options: {
    planId: string;
    invitedBy: string;
    email: string;
    role: string;
    stateCode: string | null;
    token: string;
    days: number;
  },
): Promise<boolean> {
  const setup = emailSetup();
  if (!setup) return false;
  try {
    const [row] = await db
      .select({ planTitle: plans.title, inviter: users.name, locale: users.locale })
      .from(plans)
      .innerJoin(users, eq(users.id, options.invitedBy))
      .where(eq(plans.id, options.planId));
    if (!row) return false;
    const locale = isLocale(row.locale) ? row.locale : 'en';
    const t = translator(locale);
    const values = { inviter: row.inviter, plan: row.planTitle };
    const url = new URL(`/invitations/${options.token}`, setup.siteOrigin).toString();
    const email = renderEmail({
      locale,
      subject: t('Email.invitationSubject', values),
      paragraphs: [
        { text: t('Email.invitation', { ...values, role: options.role }) },
        ...(options.stateCode
          ? [{ text: t('Email.invitationState', { state: stateName(options.stateCode, locale) }) }]
          : []),
        {
          text: t('Email.invitationExpiry', { days: options.days }),
          link: { label: t('Email.invitationLink'), url },
        },
      ],
      footer: t('Email.invitationFooter'),
    });
    await queueEmail(db, { ...email, kind: 'invitation', to: options.email });
    return true;
  } catch (error) {
    logger('email').error({ err: error, planId: options.planId }, 'could not queue an invitation email');
    return false;
  }
}
