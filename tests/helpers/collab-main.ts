/**
 * The collaboration server alone (no Next.js) as its own process, for tests that kill it with SIGKILL,
 * or that have it make domain calls as a second instance (tests/helpers/instance-calls.ts).
 */
import { prepareEnvironment } from '../../lib/env';
import { startServer } from '../../server/start';
import { answerCalls } from './instance-calls';

const server = await startServer({ config: prepareEnvironment() });
answerCalls(server.database.db);
process.stdout.write(`READY ${server.port}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
