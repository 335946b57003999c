import { isIPv6 } from 'node:net';
import type { Duplex } from 'node:stream';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { SessionClaims } from '../../../lib/auth/session-token';

/** The window COLLAB_UPGRADES_PER_ADDRESS counts in. */
const WINDOW_SECONDS = 10;

export type UpgradeLimitOptions = {
  /** Upgrade attempts one address may make per 10 s: bounds the session checks and reads one machine can cause. */
  upgradesPerAddress: number;
  /** Sockets one session may hold open: bounds what one cookie (a stolen one, a script) can hold. */
  maxSocketsPerSession: number;
};

/**
 * How many collaboration sockets a client may open: upgrade attempts per address, counted before
 * anything else is read, and open sockets per session, counted from the handshake until the socket
 * closes (a refused handshake included, while it is answered). Kept in process memory: each instance
 * bounds what reaches it.
 */
export class UpgradeLimits {
  private readonly perAddress: RateLimiterMemory;
  private readonly openBySession = new Map<string, number>();

  constructor(private readonly options: UpgradeLimitOptions) {
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'upgrade',
      points: options.upgradesPerAddress,
      duration: WINDOW_SECONDS,
    });
  }

  /**
   * Counts one attempt from `address`; null when it may go on, else the seconds to wait and whether this
   * is the first attempt refused in the window (worth a log line; the rest of a flood is not).
   */
  async attempt(address: string | undefined): Promise<{ retryAfterSeconds: number; first: boolean } | null> {
    try {
      await this.perAddress.consume(addressKey(address));
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return {
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        first: error.consumedPoints === this.options.upgradesPerAddress + 1,
      };
    }
  }

  /** Counts `socket` against its session until it closes; false (nothing counted) when the session holds the maximum. */
  holdSocket(session: SessionClaims, socket: Duplex): boolean {
    // Sessions signed in before session ids existed (and test tokens) count per user.
    const key = session.sessionId ?? `user ${session.userId}`;
    const open = this.openBySession.get(key) ?? 0;
    if (open >= this.options.maxSocketsPerSession) return false;
    // A socket gone during the checks never emits 'close' again: nothing to count.
    if (socket.destroyed) return true;
    this.openBySession.set(key, open + 1);
    socket.once('close', () => {
      const left = (this.openBySession.get(key) ?? 1) - 1;
      if (left > 0) this.openBySession.set(key, left);
      else this.openBySession.delete(key);
    });
    return true;
  }
}

/**
 * Whom an address belongs to, for counting: an IPv4 address (also when mapped into IPv6) as it is, an
 * IPv6 address by its /64, which one subscriber usually holds whole and can pick addresses from.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
