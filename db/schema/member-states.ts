import { pgTable, text } from 'drizzle-orm/pg-core';

export const memberStates = pgTable('member_states', {
  /** ISO 3166-1 alpha-3 code. */
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameEs: text('name_es').notNull(),
});
