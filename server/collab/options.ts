import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import type { RedisBus } from './redis/bus';

/** What the collaboration server is configured with (lib/env.ts, read by server/start.ts). */
export type CollabOptions = {
  db: Db;
  log: Logger;
  /** next-auth secret, to read session cookies on upgrade. */
  secret: string;
  /** Whether session cookies carry the __Secure- prefix (site served over HTTPS). */
  secureCookie: boolean;
  /** The site's origin; browsers on any other page may not open a socket with the user's cookie. Unset: the Host header. */
  siteOrigin?: string | undefined;
  /** Largest accepted message; a bigger frame closes the socket (1009) before it is buffered whole. */
  maxMessageBytes: number;
  flushMs: number;
  compactAfter: number;
  idleUnloadMs: number;
  autoVersionMs: number;
  /** Sustained and burst messages per connection; a faster client is slowed, a flood beyond ten bursts disconnected. */
  maxMessagesPerSecond: number;
  messageBurst: number;
  /** A document stops growing at this size; its writers are told why. */
  maxDocumentBytes: number;
  /** Readers are sent updates gathered at most every this many ms per reader (ReaderPacing). */
  readerMsPerReader: number;
  /** Quiet time after edits before the plan's overlaps are analysed again. */
  overlapDebounceMs: number;
  /** How often the plans followed here are read again for their open pages, and joined pages caught up. */
  activityMs: number;
  /** Redis shared with the other instances (REDIS_URL); absent, this instance serves every room alone. */
  bus?: RedisBus | undefined;
  /** Upgrade attempts one address may make per 10 s (COLLAB_UPGRADES_PER_ADDRESS); more are refused with 429. */
  upgradesPerAddress: number;
  /** Sockets one session may hold open (COLLAB_MAX_SOCKETS_PER_SESSION); more are closed with 4529. */
  maxSocketsPerSession: number;
};
