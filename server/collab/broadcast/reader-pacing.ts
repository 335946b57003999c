/**
 * When a room's accepted updates may go out to its readers. Writers are sent each update at once: they
 * draft together and see each other's words as they come. Readers — observers, often hundreds in a
 * plenary — get what arrived meanwhile merged into one frame, at most every `msPerReader` per reader
 * (COLLAB_READER_MS_PER_READER, 0.015 ms: 15 ms with 1,000 of them; 100 ms at most): one socket write
 * per reader per keystroke is what a large room's server spends its time on, and the readers' own
 * machines too. An update after a quiet moment goes out at once; only a steady stream is gathered.
 */
export class ReaderPacing {
  private nextAt = 0;

  constructor(private readonly msPerReader: number) {}

  /** Milliseconds until what is pending may be sent to readers (0: now). */
  wait(now: number): number {
    return Math.max(0, this.nextAt - now);
  }

  sent(now: number, readers: number): void {
    this.nextAt = now + Math.min(MAX_INTERVAL_MS, readers * this.msPerReader);
  }
}

const MAX_INTERVAL_MS = 100;
