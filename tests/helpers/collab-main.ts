/** The collaboration server alone (no Next.js) as its own process, for tests that kill it with SIGKILL. */
import { prepareEnvironment } from '../../lib/env';
import { startServer } from '../../server/start';

const server = await startServer({ config: prepareEnvironment() });
process.stdout.write(`READY ${server.port}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
