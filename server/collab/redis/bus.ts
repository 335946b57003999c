import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';

/** Receives the payload of a message another instance published, and that instance's id. */
export type BusHandler = (body: Uint8Array, from: string) => void;

/** A subscribe that takes longer counts as failed and is retried: a hung Redis must not hang room loads. */
const SUBSCRIBE_TIMEOUT_MS = 2_000;
/** Pause before retrying after a failure while both connections still look healthy. */
const RETRY_MS = 1_000;

/**
 * Pub/sub between the instances of one deployment. Redis delivers a message to every subscriber,
 * the sender included, so each payload starts with the sender's instance id and an instance drops
 * its own. Nothing is queued while Redis is away (an outage must not grow memory): whatever was
 * missed is recovered by the onRecovered listeners (rooms resync, connections are re-checked).
 */
export class RedisBus {
  readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, BusHandler>();
  private readonly recoveries = new Set<() => void>();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** Messages may have been missed since the connections were last known good. */
  private lost = false;
  private retry: NodeJS.Timeout | undefined;
  private closing = false;

  private constructor(
    url: string,
    private readonly log: Logger,
    /** Starts the name of every channel this instance uses (REDIS_PREFIX). */
    private readonly prefix: string,
  ) {
    const options: RedisOptions = { lazyConnect: true, enableOfflineQueue: false, autoResubscribe: false };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, commandTimeout: SUBSCRIBE_TIMEOUT_MS });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => {
        if (!this.lost && !this.closing) log.warn({ err: error }, 'Redis connection error');
      });
      connection.on('close', () => this.markLost());
      connection.on('ready', () => void this.recover());
    }
  }

  /** Connects both connections; a Redis unreachable at start stops the start. */
  static async connect(url: string, log: Logger, prefix: string): Promise<RedisBus> {
    const bus = new RedisBus(url, log, prefix);
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
    } catch (error) {
      bus.closing = true;
      bus.publisher.disconnect();
      bus.subscriber.disconnect();
      throw new Error(`REDIS_URL: cannot connect to Redis (${(error as Error).message})`, { cause: error });
    }
    bus.lost = false;
    return bus;
  }

  /** Delivers other instances' messages on `channel` to `handler`, replacing any earlier handler. */
  async subscribe(channel: string, handler: BusHandler): Promise<void> {
    this.handlers.set(this.prefix + channel, handler);
    try {
      await this.subscriber.subscribe(this.prefix + channel);
    } catch (error) {
      this.log.warn({ err: error, channel }, 'Redis subscribe failed; retrying');
      this.markLost();
    }
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(this.prefix + channel);
    // A channel left subscribed only delivers messages that no handler takes.
    await this.subscriber.unsubscribe(this.prefix + channel).catch(() => {});
  }

  /** Publishes to the other instances; resolves to the number of subscribers reached (this one included), 0 on failure. */
  async publish(channel: string, body: Uint8Array): Promise<number> {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeUint8Array(encoder, body);
    try {
      return await this.publisher.publish(this.prefix + channel, Buffer.from(encoding.toUint8Array(encoder)));
    } catch (error) {
      if (!this.lost) this.log.warn({ err: error, channel }, 'Redis publish failed; instances resync when it is back');
      this.markLost();
      return 0;
    }
  }

  /** Runs `listener` each time Redis works again after messages may have been lost. */
  onRecovered(listener: () => void): () => void {
    this.recoveries.add(listener);
    return () => {
      this.recoveries.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    await Promise.all([this.publisher, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  }

  private receive(channel: string, message: Buffer): void {
    const handler = this.handlers.get(channel);
    if (!handler) return;
    let from: string;
    let body: Uint8Array;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      from = decoding.readVarString(decoder);
      body = decoding.readTailAsUint8Array(decoder);
    } catch {
      this.log.warn({ channel, bytes: message.length }, 'ignored a malformed Redis message');
      return;
    }
    if (from === this.instanceId) return;
    try {
      handler(body, from);
    } catch (error) {
      this.log.warn(
        { err: error, channel, from, bytes: body.length },
        'ignored a Redis message that could not be applied',
      );
    }
  }

  private markLost(): void {
    if (this.closing) return;
    this.lost = true;
    // A failed command on a connection that stays up brings no 'ready' event: try again by ourselves.
    this.retry ??= setTimeout(() => {
      this.retry = undefined;
      void this.recover();
    }, RETRY_MS);
    this.retry.unref();
  }

  private async recover(): Promise<void> {
    if (!this.lost || this.closing || this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') return;
    this.lost = false;
    if (this.handlers.size) {
      try {
        await this.subscriber.subscribe(...this.handlers.keys());
      } catch (error) {
        this.log.warn({ err: error }, 'Redis resubscribe failed; retrying');
        return this.markLost();
      }
    }
    this.log.info(
      { channels: this.handlers.size },
      'Redis reachable again: resyncing rooms and re-checking connections',
    );
    for (const listener of this.recoveries) listener();
  }
}
