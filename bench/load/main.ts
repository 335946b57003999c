import { runCold } from './cold';
import { runFanout, type Mark } from './fanout';
import { runIdle } from './idle';
import type { LoadJob, LoadMessage, LoadResult, OrchestratorMessage } from './protocol';

/**
 * The load generator: its own process, so its CPU is measured apart from the server's. It runs
 * the jobs the orchestrator sends over IPC, one at a time, reporting marks and results.
 */
let acknowledge: (() => void) | undefined;
// Every y-websocket provider adds a process 'exit' listener; a job opens dozens on purpose.
process.setMaxListeners(0);

function send(message: LoadMessage): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
}

const mark: Mark = (name, step) =>
  new Promise<void>((resolve) => {
    acknowledge = resolve;
    void send({ type: 'mark', mark: name, step });
  });

async function run(job: LoadJob): Promise<LoadResult> {
  if (job.type === 'fanout') return { type: 'fanout', windows: await runFanout(job, mark) };
  if (job.type === 'idle') return { type: 'idle', result: await runIdle(job, mark) };
  return { type: 'cold', result: await runCold(job, mark) };
}

process.on('message', (message: OrchestratorMessage) => {
  if (message.type === 'ack') {
    const resolve = acknowledge;
    acknowledge = undefined;
    resolve?.();
    return;
  }
  run(message.job).then(
    (result) => send({ type: 'result', result }),
    (error: unknown) =>
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
