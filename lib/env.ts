import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Parses "true"/"false"/"1"/"0"; anything else is a configuration error, not a silent false. */
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Machine translation (Apertium), read on its own by the command-line tools that need nothing else. */
const translationSchema = z.object({
  /** `off` runs without machine translation, as a server without Apertium does: cross-language overlaps and "Read in …" are off. */
  TRANSLATION: z.enum(['apertium', 'off']).default('apertium'),
  /** Where Apertium's language pairs install their mode files. */
  APERTIUM_MODES_DIR: z.string().min(1).default('/usr/share/apertium/modes'),
  /** Translation batches running at once; each Apertium pipeline already keeps about two cores busy. */
  TRANSLATION_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  /** A pipeline that returns nothing for this long while work waits is killed and restarted; its callers get an error. */
  TRANSLATION_STALL_MS: z.coerce.number().int().positive().default(20_000),
});

export type TranslationConfig = z.infer<typeof translationSchema>;

const schema = translationSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Port of the single HTTP server that hosts the app and the collaboration socket. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Postgres connection string; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Redis (redis:// or rediss://) through which instances relay their rooms' updates and awareness and
   * authorization changes to each other; unset means a single instance. Postgres stays the store.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
  /** Starts every Redis channel name: deployments sharing one Redis (staging and production) stay apart. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'letters, digits and . : _ - (at most 64)')
    .default('concordia:'),
  /** Where PGlite and the generated development secret live. */
  DATA_DIR: z.string().default('.data'),
  /** Signs and encrypts session JWTs; required in production so sessions survive restarts and cannot be forged. */
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  /** Public URL of the site; decides secure cookies, and its origin is the only one writes are taken from. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Password of every seeded demo account. */
  DEMO_PASSWORD: z.string().min(8).default('concordia'),
  /** Demo accounts may sign in; defaults to on outside production and off in production. */
  DEMO_ACCOUNTS: flag.optional(),
  /**
   * Start-up seeds the demo plan and its accounts into a database without plans; defaults to on outside
   * production and off in production, so a real deployment never gets demo data by accident.
   */
  SEED_DEMO: flag.optional(),
  /**
   * SMTP server (smtp:// or smtps://, user and password in the URL) through which invitations and
   * notifications are emailed; unset means no email at all, and the app says so at start-up.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }).optional(),
  /** The sender of every email (an address, or "Name <address>") that the SMTP server accepts from us. */
  EMAIL_FROM: z.string().min(3).default('Concordia <concordia@localhost>'),
  /** Hour (UTC, 0–23) at which daily digests gather the notifications of the day before. */
  EMAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /**
   * Wait before retrying an email the SMTP server refused or could not take, doubled on each attempt up
   * to an hour; after 10 attempts the email is recorded as failed. Also how often the outbox is checked.
   */
  EMAIL_RETRY_MS: z.coerce.number().int().min(50).default(30_000),
  /** Bearer token for /metrics from other hosts; without it only loopback may scrape. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket message accepted; protects memory from a single oversize frame. */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Messages per second one connection may send, sustained; far above typing, far below a flood. */
  COLLAB_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(1000),
  /** Messages one connection may send at once (a reconnect's sync, a paste); ten bursts queued is a flood. */
  COLLAB_MESSAGE_BURST: z.coerce.number().int().positive().default(2000),
  /** A document stops growing at this size (encoded bytes), with a clear message to its writers. */
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
  /** Longest an accepted update waits in memory before it is written to the database. */
  COLLAB_FLUSH_MS: z.coerce.number().int().positive().default(250),
  /** Log rows per document that trigger compaction into one merged state. */
  COLLAB_COMPACT_AFTER: z.coerce.number().int().positive().default(500),
  /** A version is saved automatically after this long with edits (and whenever a room goes idle). */
  COLLAB_AUTO_VERSION_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** Quiet time after edits before a plan's overlaps are analysed again. */
  COLLAB_OVERLAP_DEBOUNCE_MS: z.coerce.number().int().positive().default(1500),
  /** How often open plan pages are sent presence, word counts and open overlaps when they changed, and reconnected pages what they missed. */
  COLLAB_ACTIVITY_MS: z.coerce.number().int().positive().default(3000),
  /** Readers of a room are sent updates gathered at most every this many ms per reader (100 ms at most). */
  COLLAB_READER_MS_PER_READER: z.coerce.number().nonnegative().default(0.015),
  /** How long an empty room stays loaded, so a quick reconnect does not reload it. */
  COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().nonnegative().default(30_000),
  /**
   * Collaboration sockets one session may hold open at once, in all rooms: more are closed with 4529
   * (the stock provider retries, and gets in once another closes). A plan page opens one for its goal and,
   * for up to 30 s, one per section whose kept edits it sends (35 in the working group's plan), a section
   * page two, the consolidation board three: two plan pages sending kept edits at once beside a few other
   * tabs stay below the default, and one cookie cannot hold hundreds.
   */
  COLLAB_MAX_SOCKETS_PER_SESSION: z.coerce.number().int().positive().default(100),
  /**
   * Socket upgrades one address may attempt in 10 s (an IPv6 address counts by its /64); more are refused
   * with 429 and Retry-After. A conference hall shares one address behind its NAT: 300 people reconnecting
   * three sockets each after a restart fit, and the rest retry within seconds. Each attempt costs a session
   * check and two database reads, so one address is held to about 100 a second.
   */
  COLLAB_UPGRADES_PER_ADDRESS: z.coerce.number().int().positive().default(1000),
  /**
   * Longest a client may take to send a request's headers, a WebSocket handshake included, before its
   * connection is closed (408): half-sent handshakes otherwise hold a socket for Node's 60 s each.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

export type Config = Omit<z.infer<typeof schema>, 'NEXTAUTH_SECRET' | 'DEMO_ACCOUNTS' | 'SEED_DEMO'> & {
  NEXTAUTH_SECRET: string;
  DEMO_ACCOUNTS: boolean;
  SEED_DEMO: boolean;
  production: boolean;
};

export class ConfigError extends Error {}

/** Variables by name; process.env, or a plain object in tests. */
export type Environment = Record<string, string | undefined>;

function parseWith<T extends z.ZodType>(parser: T, env: Environment): z.infer<T> {
  const result = parser.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

const parse = (env: Environment) => parseWith(schema, env);

/** The settings whose defaults depend on NODE_ENV, decided. */
function decide(parsed: ReturnType<typeof parse>, secret: string): Config {
  const production = parsed.NODE_ENV === 'production';
  return {
    ...parsed,
    NEXTAUTH_SECRET: secret,
    DEMO_ACCOUNTS: parsed.DEMO_ACCOUNTS ?? !production,
    SEED_DEMO: parsed.SEED_DEMO ?? !production,
    production,
  };
}

function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Resolves defaults once, at process start, and pins them into the environment: Next's compiled
 * route handlers always see NODE_ENV=production, so they must read the decisions the process made.
 */
export function prepareEnvironment(env: Environment = process.env): Config {
  const parsed = parse(env);
  if (parsed.NODE_ENV === 'production' && !parsed.NEXTAUTH_SECRET) {
    throw new ConfigError('NEXTAUTH_SECRET is required when NODE_ENV=production');
  }
  const decided = decide(parsed, parsed.NEXTAUTH_SECRET ?? devSecret(parsed.DATA_DIR));
  env.NEXTAUTH_SECRET = decided.NEXTAUTH_SECRET;
  env.DEMO_ACCOUNTS = String(decided.DEMO_ACCOUNTS);
  return decided;
}

/** The translation settings alone, without preparing the rest of the environment (no secret written). */
export function translationConfig(env: Environment = process.env): TranslationConfig {
  return parseWith(translationSchema, env);
}

let cached: Config | undefined;

/** The configuration of a process whose environment was prepared (server start, tests). */
export function config(): Config {
  if (cached) return cached;
  const parsed = parse(process.env);
  cached =
    !parsed.NEXTAUTH_SECRET || parsed.DEMO_ACCOUNTS === undefined
      ? prepareEnvironment(process.env)
      : decide(parsed, parsed.NEXTAUTH_SECRET);
  return cached;
}
