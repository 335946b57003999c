import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { composeNotificationEmails } from '../../lib/email/compose-notification-emails';
import { deliverEmails } from '../../lib/email/deliver-emails';
import { onEmailQueued, setEmailSetup } from '../../lib/email/email-setup';
import { onUsersNotified } from '../../lib/notifications/notification-events';

export type EmailWorkerOptions = {
  db: Db;
  log: Logger;
  smtpUrl: string;
  from: string;
  /** Where the emails' links point: the site's public origin. */
  siteOrigin: string;
  /** Signs the unsubscribe links (NEXTAUTH_SECRET, which the app checks them with). */
  secret: string;
  digestHour: number;
  retryMs: number;
};

/** Rounds run at least this often (digests fall due, retries come round), and more often when retries are quicker. */
const MAX_ROUND_MS = 10_000;

/**
 * Emails, in the background of the server: takes notifications into the outbox and sends the outbox
 * through the SMTP server, in rounds started by new notifications, newly queued emails and a timer.
 * One round runs at a time; a request only ever writes a row, and the SMTP conversation is
 * asynchronous I/O beside the collaboration server's work.
 */
export function startEmailWorker(options: EmailWorkerOptions): { close(): Promise<void> } {
  const { db, log } = options;
  const transport = nodemailer.createTransport(
    { url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: options.from },
  );
  setEmailSetup({ siteOrigin: options.siteOrigin, from: options.from });

  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const round = async () => {
    await composeNotificationEmails(db, options);
    await deliverEmails(db, {
      send: (email) => transport.sendMail(email),
      retryMs: options.retryMs,
      stopping: () => closed,
    });
  };
  const run = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error: unknown) => log.error({ err: error }, 'email round failed; the next one retries'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };

  const timer = setInterval(run, Math.min(options.retryMs, MAX_ROUND_MS)).unref();
  const stopNotified = onUsersNotified((_userIds, source) => {
    if (source === 'local') run();
  });
  const stopQueued = onEmailQueued(run);
  run();
  log.info({ siteOrigin: options.siteOrigin }, 'emailing invitations and notifications');

  return {
    async close() {
      closed = true;
      clearInterval(timer);
      stopNotified();
      stopQueued();
      setEmailSetup(null);
      await running;
      transport.close();
    },
  };
}
