import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { PLAN_ACTIVITY_MESSAGE } from '../../lib/shared/app-messages';
import type { Receiver } from './ledger';
import { decodeServerFrame, emptySyncStep1, keepAliveFrame, openingFrames, presenceFrame, type Target } from './wire';

export type UpdateSink = (receiver: Receiver, update: Uint8Array, at: number) => void;

/**
 * A read-only observer at protocol level: a bare socket, no Y.Doc. It asks for the document with
 * an empty sync step 1, answers nothing, and hands each update it receives to `sink`, which only
 * reads the update's clock ranges. Thousands of them fit in one load process.
 */
export class RawObserver implements Receiver {
  readonly probe = false;
  readonly seen = new Map<number, number>();
  bytes = 0;
  /** Plan activity messages received (a plan page's connection: Concordia pushes the plan's activity). */
  activity = 0;
  /** Their bytes, decompressed (what the page parses; on the wire, permessage-deflate may send fewer). */
  activityBytes = 0;
  closed = false;
  private socket: WebSocket | undefined;
  /** Awareness as a browser keeps it (see presenceFrame); absent, the observer stays silent. */
  private presence: { clientId: number; clock: number } | undefined;

  constructor(
    private readonly target: Target,
    private readonly sink: UpdateSink,
    withPresence = false,
    private readonly cookie = target.observerCookie,
  ) {
    if (withPresence) this.presence = { clientId: Math.floor(Math.random() * 2 ** 31), clock: 0 };
  }

  get room(): string {
    return this.target.room;
  }

  /** Resolves once the document has arrived (sync step 2); rejects on refusal, close or timeout. */
  connect(timeoutMs: number): Promise<void> {
    const { kind, room, query } = this.target;
    const headers = this.cookie ? { cookie: this.cookie } : {};
    // Offers permessage-deflate, as a browser does.
    const socket = new WebSocket(`${this.target.providerUrl}/${room}${query ? `?${query}` : ''}`, { headers });
    this.socket = socket;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('observer did not sync in time')), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      socket.on('open', () => {
        for (const frame of openingFrames(kind, room)) socket.send(frame);
        socket.send(emptySyncStep1(kind, room));
        this.renewPresence();
      });
      socket.on('message', (data: Buffer) => {
        const at = performance.now();
        this.bytes += data.length;
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        if (kind === 'concordia' && decoding.readVarUint(decoding.createDecoder(bytes)) === PLAN_ACTIVITY_MESSAGE) {
          this.activity++;
          this.activityBytes += data.length;
        }
        const frame = decodeServerFrame(kind, bytes);
        if (!frame) return;
        this.sink(this, frame.update, at);
        if (frame.step === 'sync-step-2') {
          clearTimeout(timer);
          resolve();
        }
      });
      socket.on('unexpected-response', (req, res) => {
        req.destroy();
        fail(new Error(`upgrade refused with HTTP ${res.statusCode ?? 0}`));
      });
      socket.on('error', (error) => fail(error));
      socket.on('close', () => {
        this.closed = true;
        fail(new Error('closed before sync'));
      });
    });
  }

  /** Announces the observer again, as y-protocols renews a client's awareness every 15 s. */
  renewPresence(): void {
    const { presence, socket } = this;
    if (!presence || socket?.readyState !== WebSocket.OPEN) return;
    socket.send(presenceFrame(this.target.kind, this.target.room, presence.clientId, ++presence.clock));
  }

  keepAlive(): void {
    if (this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(keepAliveFrame(this.target.kind, this.target.room));
  }

  close(): void {
    this.socket?.terminate();
  }
}
