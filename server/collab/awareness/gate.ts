import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AwarenessUser } from '../../../lib/shared/awareness-user';
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  OVERSIZE,
  type AwarenessEntry,
} from '../../../lib/shared/wire/awareness';
import { MAX_STATE_CHARS, stampState, stampedUserId } from './stamp';
import { ClientClaims } from './client-claims';

/** A member announcing ever more client ids (each held in memory while the room is loaded) is refused past this. */
const MAX_CLIENTS_PER_MEMBER = 64;

/** A connection that sends awareness: who it is is stamped on each of its states. */
export type AwarenessMember = {
  readonly userId: string;
  readonly identity: AwarenessUser;
  readonly access: 'read' | 'write';
};

/** What became of a member's awareness message: whether it announced a client id new to it, and why entries were left out. */
export type AwarenessOutcome = { announced: boolean; dropped: string[] };

/** What the gate needs to know of the room's document. */
export type DocumentFacts = {
  /** Who wrote under `client` (the attribution record), or null; the document is decoded for it only when `decode`. */
  writerOf(client: number, decode: boolean): string | null;
  /** Whether the document holds nothing under `client` yet, and `client` is not the server's own. */
  isUnused(client: number): boolean;
};

/** Why an announcement is left out when another user has the client id. */
const TAKEN = "another user's client id";
const MINE = Symbol('mine');
const TRANSFERRED = Symbol('transferred from whoever claimed it first');

/**
 * Decides a room's awareness on the server: which client ids each connection may speak for (the first
 * user to announce one has it, see ClientClaims) and what its states show (who it is, stamped from
 * the session; a reader's, nothing else). Stamping happens once per state change, not per recipient.
 */
export class AwarenessGate {
  private readonly claims = new ClientClaims();
  /** The client ids each member announced and holds, whose states go when it leaves. */
  private readonly announced = new Map<AwarenessMember, Set<number>>();
  /** Members whose client announced another user's client id (that entry): it may move to a new one (adoptMovedClient). */
  private readonly displaced = new WeakMap<object, AwarenessEntry>();
  /** `${userId} ${taken id}` → the id that user's client moved to: its awareness, still under the taken id, is relayed under the new one. */
  private readonly moved = new Map<string, number>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly document: DocumentFacts,
    private readonly log: Logger,
    private readonly room: string,
  ) {}

  /** The user who announced `client` first in this room, if anyone did. */
  ownerOf(client: number): string | undefined {
    return this.claims.ownerOf(client);
  }

  /** States another instance stamped: the users they name hold those client ids here too. */
  noteRemote(update: Uint8Array): void {
    for (const { client, state } of decodeAwarenessEntries(update)) {
      const userId = stampedUserId(state);
      if (userId !== undefined) this.claims.claim(client, userId);
    }
  }

  /**
   * Applies a member's awareness for the client ids its user may speak for, each state stamped with who
   * the member is. Another user's announcement of a client id is left out, and its client may move to a
   * new id (adoptMovedClient). Entries that only repeat what the room holds (stock providers send back
   * every state they receive) decide nothing.
   */
  apply(update: Uint8Array, member: AwarenessMember): AwarenessOutcome {
    return this.applyEntries(decodeAwarenessEntries(update, MAX_STATE_CHARS), member);
  }

  /** Stamps a member's states again after its access or identity changed: a reader shows no caret. */
  restamp(member: AwarenessMember): void {
    const entries: AwarenessEntry[] = [];
    for (const client of this.announced.get(member) ?? []) {
      const state = this.awareness.states.get(client);
      const meta = this.awareness.meta.get(client);
      if (state === undefined || !meta || !this.claims.isHeldBy(client, member)) continue;
      entries.push({ client, clock: meta.clock + 1, state: stampState(state, member.identity, member.access) });
    }
    if (entries.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), member);
  }

  /** A member left: the states of the client ids no other connection of its user speaks for go. */
  leave(member: AwarenessMember): void {
    const mine = this.announced.get(member);
    this.announced.delete(member);
    const gone = [...(mine ?? [])].filter((client) => this.claims.release(client, member));
    if (gone.length) awarenessProtocol.removeAwarenessStates(this.awareness, gone, member);
  }

  /**
   * Yjs gives a client a new id when it receives content under its own (a client id another user
   * claimed first and wrote under), but the stock provider keeps announcing the old one in awareness,
   * so its new content would wait forever for an announcement. For a member whose announced id was
   * refused, the first content it types (an update message) under an id nobody has claimed or written,
   * starting from the beginning, is taken as its own, and the awareness it keeps sending under the taken
   * id is relayed under the new one (so its next connection, which announces its document's id, finds a
   * state there). A sync reply is never adopted: relaying others' words lost by the server (a crash)
   * goes through one, and those wait for their authors.
   */
  adoptMovedClient(update: Uint8Array, member: AwarenessMember): void {
    const taken = this.displaced.get(member);
    if (!taken) return;
    const fresh = [...Y.parseUpdateMeta(update).from].filter(
      ([client, clock]) =>
        clock === 0 &&
        this.document.isUnused(client) &&
        this.claims.ownerOf(client) === undefined &&
        this.document.writerOf(client, false) === null,
    );
    const client = fresh.length === 1 ? fresh[0]![0] : undefined;
    if (client === undefined || !this.claims.claim(client, member.userId)) return;
    this.displaced.delete(member);
    this.moved.set(`${member.userId} ${taken.client}`, client);
    this.log.info(
      { room: this.room, userId: member.userId, taken: taken.client, client },
      'client moved to a new id after its own was taken',
    );
    // Its last state, under the new id at once: the stock provider needs one there to announce itself when it reconnects.
    this.applyEntries([taken], member, true);
  }

  /** `taking`: entries of a client id the member just took over, whose clock may be one the room has seen. */
  private applyEntries(entries: AwarenessEntry[], member: AwarenessMember, taking = false): AwarenessOutcome {
    const first = !this.announced.has(member);
    const mine = this.announced.get(member) ?? new Set<number>();
    this.announced.set(member, mine);
    const outcome: AwarenessOutcome = { announced: false, dropped: [] };
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const { clock, state } = entry;
      const client = this.moved.get(`${member.userId} ${entry.client}`) ?? entry.client;
      const meta = this.awareness.meta.get(client);
      // A connection's first message is its own (the provider announces its document's id when it opens).
      const news =
        first ||
        !meta ||
        clock > meta.clock ||
        (clock === meta.clock && state === null && this.awareness.states.has(client));
      if (!news) continue;
      const decision = this.mayAnnounce(client, member);
      if (decision === TAKEN) this.displaced.set(member, { client, clock, state: state === OVERSIZE ? {} : state });
      if (decision !== MINE && decision !== TRANSFERRED) {
        outcome.dropped.push(decision);
        continue;
      }
      if (!mine.has(client)) {
        if (mine.size >= MAX_CLIENTS_PER_MEMBER) {
          outcome.dropped.push('too many client ids');
          continue;
        }
        mine.add(client);
        this.claims.hold(client, member);
        outcome.announced = true;
      }
      if (state === OVERSIZE) outcome.dropped.push('state too large');
      const stamped = stampState(state, member.identity, member.access);
      // A client id taken over from another user (or moved to) may come with a clock the room has seen, or
      // none: a later one makes everyone take the state. The client takes it too from the echo, and the
      // clocks agree from then on (a change it made meanwhile is relayed with its next one).
      const relayed =
        (taking || decision === TRANSFERRED) && stamped !== null ? Math.max(clock, (meta?.clock ?? 0) + 1) : clock;
      accepted.push({ client, clock: relayed, state: stamped });
    }
    if (accepted.length)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), member);
    return outcome;
  }

  /** Whether `member` may speak for `client` (claiming it if it was free), or why not. */
  private mayAnnounce(client: number, member: AwarenessMember): typeof MINE | typeof TRANSFERRED | string {
    const owner = this.claims.ownerOf(client);
    if (owner === member.userId) return MINE;
    // The attribution record outlives the room's claims; it is decoded for this only when someone else claims the id.
    const writer = this.document.writerOf(client, owner !== undefined);
    if (writer === member.userId) {
      this.claims.transfer(client, member.userId);
      return TRANSFERRED;
    }
    if (writer === null && owner === undefined)
      return this.claims.claim(client, member.userId) ? MINE : 'too many client ids';
    return TAKEN;
  }
}
