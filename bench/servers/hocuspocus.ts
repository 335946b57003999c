import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus 4 as it comes: no extensions, default configuration (documents in memory only,
 * updates coalesced per event-loop turn). Usage: hocuspocus.ts <port>.
 */
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: hocuspocus.ts <port>');

const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`${JSON.stringify({ bench: 'ready', port: server.address.port })}\n`);
