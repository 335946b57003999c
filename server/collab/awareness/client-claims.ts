/** A room's client ids: live ones (held by an open connection) are never forgotten to make room. */
const MAX_CLAIMS = 50_000;

type Claim = { userId: string; holders: Set<object> };

/**
 * Which user each Yjs client id of a room belongs to: the first to announce it (in awareness, as the
 * stock provider does when it connects), for as long as the room is loaded. Everyone in the room sees
 * every client id, so without this another user could announce an open page's id and write under it
 * first; the server would then file the page's own words as someone else's and hold them back.
 * Who wrote under an id is the attribution record's (server/collab/rooms/attribution.ts), which outlives this.
 */
export class ClientClaims {
  private readonly claims = new Map<number, Claim>();

  constructor(private readonly limit = MAX_CLAIMS) {}

  ownerOf(client: number): string | undefined {
    return this.claims.get(client)?.userId;
  }

  /** Gives a free client id to `userId`; false when another user has it, or the room has no room for it. */
  claim(client: number, userId: string): boolean {
    const claim = this.claims.get(client);
    if (claim) return claim.userId === userId;
    if (this.claims.size >= this.limit && !this.forgetOneUnheld()) return false;
    this.claims.set(client, { userId, holders: new Set() });
    return true;
  }

  /** Gives a client id to the user the attribution record says wrote under it: whoever claimed it before pretended. */
  transfer(client: number, userId: string): void {
    this.claims.set(client, { userId, holders: new Set() });
  }

  /** A connection speaks for this client id (its owner's) until it leaves. */
  hold(client: number, holder: object): void {
    this.claims.get(client)?.holders.add(holder);
  }

  isHeldBy(client: number, holder: object): boolean {
    return this.claims.get(client)?.holders.has(holder) ?? false;
  }

  /** The holder left; true when it was the last connection speaking for this client id. */
  release(client: number, holder: object): boolean {
    const claim = this.claims.get(client);
    if (!claim?.holders.delete(holder)) return false;
    return claim.holders.size === 0;
  }

  private forgetOneUnheld(): boolean {
    for (const [client, claim] of this.claims) {
      if (claim.holders.size) continue;
      this.claims.delete(client);
      return true;
    }
    return false;
  }
}
