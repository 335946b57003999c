import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Outgoing } from '../../server/collab/wire/outgoing';
import {
  COMPRESSION,
  deflateMessage,
  plainFrame,
  seedSharedFrame,
  sharedFrame,
  takesSharedFrames,
} from '../../server/collab/wire/shared-deflate';
import { eventually } from '../helpers/eventually';

/** Compressible, and different for each seed: a paragraph repeated well past the 16 KiB threshold. */
function large(seed: number): Uint8Array {
  return new TextEncoder().encode(`Delegation ${seed} proposes shared regional indicators. `.repeat(600));
}

/**
 * One connection's outgoing messages over real sockets: a ws server set up as the collaboration server
 * is, and stock ws clients with and without compression.
 */
describe('outgoing messages of one connection', () => {
  let http: Server;
  let url: string;
  const counts = { shared: 0, stored: 0, ws: 0 };
  const opened: Array<(outgoing: Outgoing) => void> = [];

  beforeAll(async () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: COMPRESSION });
    const takes = new WeakMap<IncomingMessage, boolean>();
    wss.on('headers', (headers: string[], req: IncomingMessage) => takes.set(req, takesSharedFrames(headers)));
    http = createServer();
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      wss.handleUpgrade(req, socket, head, (ws) =>
        opened.shift()?.(new Outgoing(ws, takes.get(req) ? socket : undefined, (c) => counts[c]++)),
      ),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(http.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });

  async function connect(perMessageDeflate: boolean) {
    const outgoing = new Promise<Outgoing>((resolve) => opened.push(resolve));
    const client = new WebSocket(url, { perMessageDeflate });
    const received: Uint8Array[] = [];
    client.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    await new Promise((resolve) => client.once('open', resolve));
    return { client, received, outgoing: await outgoing };
  }

  it('keeps the order of large and small messages while a large one is compressed, and compresses each large one once', async () => {
    const { client, received, outgoing } = await connect(true);
    const [a, b] = [large(1), large(2)];
    const small = (n: number) => new Uint8Array([n]);
    const sent = [a, small(1), a, small(2), b, small(3)];
    for (const message of sent) outgoing.send(message);
    await eventually(() => expect(received).toEqual(sent));
    expect(counts).toEqual({ shared: 3, stored: 0, ws: 0 });
    const second = await connect(true);
    second.outgoing.send(b);
    await eventually(() => expect(second.received).toEqual([b]));
    expect(counts).toEqual({ shared: 4, stored: 0, ws: 0 });
    client.close();
    second.client.close();
  });

  it('writes small messages of every header length as they are, one frame built for all sockets', async () => {
    const sizes = [0, 1, 125, 126, 300, COMPRESSION.threshold - 1];
    const messages = sizes.map((size) => new Uint8Array(size).map((_, i) => (i * 7 + size) & 0xff));
    const clients = [await connect(true), await connect(true)];
    let written = 0;
    for (const { outgoing } of clients) for (const message of messages) outgoing.send(message, () => written++);
    for (const { received } of clients) await eventually(() => expect(received).toEqual(messages));
    expect(written).toBe(2 * messages.length);
    expect(plainFrame(messages[5]!)).toBe(plainFrame(messages[5]!));
    for (const { client } of clients) client.close();
  });

  it('sends a client without compression the same messages through ws', async () => {
    const before = { ...counts };
    const { client, received, outgoing } = await connect(false);
    const message = large(3);
    let written = false;
    outgoing.send(message, () => (written = true));
    await eventually(() => expect(received).toEqual([message]));
    expect(written).toBe(true);
    expect(counts).toEqual({ ...before, ws: before.ws + 1 });
    client.close();
  });

  it('sends a message whose body was deflated beforehand as it is, and the client reads it whole', async () => {
    const { client, received, outgoing } = await connect(true);
    const body = large(4);
    const message = new Uint8Array([0, 1, 7, ...body]);
    // A head that is not deflated (here three bytes) goes in front of the deflated body.
    seedSharedFrame(message, 3, await deflateMessage(body));
    // Ready at once: nothing is compressed on the way out.
    expect(sharedFrame(message).frame).toBeDefined();
    const before = { ...counts };
    outgoing.send(message);
    await eventually(() => expect(received).toEqual([message]));
    expect(counts).toEqual({ ...before, stored: before.stored + 1 });
    client.close();
  });
});
