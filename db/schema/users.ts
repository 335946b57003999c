import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  /** Instance administrator: creates plans and appoints their chairs. */
  isAdmin: boolean('is_admin').notNull().default(false),
  /** Interface language the user chose (lib/i18n/locales.ts); null until they choose, when the browser's is used. */
  locale: text('locale'),
  /** Notifications by email, when the server sends email: each at once, one daily digest, or none. */
  emailNotifications: text('email_notifications', { enum: ['immediate', 'daily', 'off'] })
    .notNull()
    .default('immediate'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
