import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { plainFrame } from '../../server/collab/wire/shared-deflate';

/**
 * The least a Node server can do for the y-websocket protocol, as a floor for the peers' figures, not
 * a product: no auth, no persistence, no document on the hot path. An incoming update is relayed as the
 * bytes it came in, framed once and written to every other socket of the room at once; updates are
 * merged only when a client asks for the document. Usage: relay.ts <port>.
 */
const SYNC = 0;
const AWARENESS = 1;
const STEP_1 = 0;
const STEP_2 = 1;
const UPDATE = 2;

/** A member is the socket under its WebSocket: frames are built once and written there directly. */
type Room = { members: Set<Duplex>; updates: Uint8Array[] };

const rooms = new Map<string, Room>();

function roomNamed(name: string): Room {
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { members: new Set(), updates: [] }));
  return room;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function relay(room: Room, from: Duplex, message: Uint8Array): void {
  const frame = plainFrame(message);
  for (const member of room.members) if (member !== from) member.write(frame);
}

function receive(room: Room, member: Duplex, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === AWARENESS) return relay(room, member, message);
  if (type !== SYNC) return;
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === STEP_1) {
    if (room.updates.length > 1) room.updates = [Y.mergeUpdates(room.updates)];
    const whole = room.updates[0] ?? Y.encodeStateAsUpdate(new Y.Doc());
    member.write(plainFrame(syncMessage(STEP_2, Y.diffUpdate(whole, payload))));
    member.write(plainFrame(syncMessage(STEP_1, Y.encodeStateVectorFromUpdate(whole))));
    return;
  }
  room.updates.push(payload);
  relay(room, member, step === UPDATE ? message : syncMessage(UPDATE, payload));
}

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: relay.ts <port>');
const server = new WebSocketServer({ port, host: '127.0.0.1' });
server.on('connection', (socket, request) => {
  const room = roomNamed((request.url ?? '/').slice(1));
  const member = (socket as unknown as { _socket: Duplex })._socket;
  room.members.add(member);
  socket.on('message', (data: Buffer) => {
    try {
      receive(room, member, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch {
      socket.terminate();
    }
  });
  socket.on('close', () => room.members.delete(member));
});
server.on('listening', () => process.stdout.write(`${JSON.stringify({ bench: 'ready', port })}\n`));
