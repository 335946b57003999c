/**
 * The collaboration server alone (no Next.js) as its own process, for tests that kill it with SIGKILL,
 * or that have it make domain calls as a second instance (tests/helpers/instance-calls.ts).
 */
import { prepareEnvironment } from '../../lib/env';
import { DocumentStore } from '../../server/collab/storage/document-store';
import { startServer } from '../../server/start';
import { answerCalls } from './instance-calls';

// SLOW_ROOM_LOAD_MS: every room's load waits this long before reading the store, as under a loaded
// database; clients that reconnect meanwhile queue their messages behind it (tests/integration/crash.test.ts).
const slowLoad = Number(process.env.SLOW_ROOM_LOAD_MS ?? 0);
if (slowLoad > 0) {
  const load = DocumentStore.prototype.load;
  DocumentStore.prototype.load = async function (this: DocumentStore, docId: string) {
    await new Promise((resolve) => setTimeout(resolve, slowLoad));
    return load.call(this, docId);
  };
}

const server = await startServer({ config: prepareEnvironment() });
answerCalls(server.database.db);
process.stdout.write(`READY ${server.port}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
