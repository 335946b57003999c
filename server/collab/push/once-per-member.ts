import type { RoomMember } from '../rooms/room';

/**
 * The latest of a kind of message for a room's connections (a section's overlaps, a plan's activity),
 * sent once to each of them, including those that join later or come back after a lost connection.
 */
export class OncePerMember {
  private readonly reached = new WeakSet<RoomMember>();

  constructor(readonly message: Uint8Array) {}

  sendTo(members: Iterable<RoomMember>): void {
    for (const member of members) {
      if (this.reached.has(member)) continue;
      this.reached.add(member);
      member.send(this.message);
    }
  }
}
