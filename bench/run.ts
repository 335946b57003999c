import { runBench } from './harness';
import { parseOptions, UsageError } from './options';
import { renderReport } from './report';
import { REPO_ROOT } from './servers/launch';

/** `npm run bench`: Concordia against y-websocket and Hocuspocus on this machine. */
async function main(): Promise<void> {
  // The one read of the environment (DATABASE_URL, REDIS_URL); bench/options.ts parses what it is given.
  const options = parseOptions(process.argv.slice(2), process.env, REPO_ROOT);
  const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const results = await runBench(options, log);
  process.stdout.write(`\n${renderReport(results)}\n`);
  if (options.outFile) process.stdout.write(`\nresults: ${options.outFile}\n`);
  if (Object.keys(results.errors).length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
