import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, stopChild } from '../servers/launch';
import type { LoadJob, LoadMessage, LoadResult, OrchestratorMessage } from './protocol';

export type MarkHandler = (mark: Extract<LoadMessage, { type: 'mark' }>) => Promise<void> | void;

/**
 * The load-generator process, driven over IPC. Marks are answered after `onMark` has run, so the
 * orchestrator samples the server exactly around each window; a deadline ends a stuck job.
 */
export class LoadProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadProcess {
    return new LoadProcess(
      fork(path.join(REPO_ROOT, 'bench/load/main.ts'), [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  run(job: LoadJob, onMark: MarkHandler, deadlineMs: number): Promise<LoadResult> {
    const { child } = this;
    const send = (message: OrchestratorMessage) => child.send(message);
    return new Promise<LoadResult>((resolve, reject) => {
      const onMessage = (message: LoadMessage) => {
        if (message.type === 'mark') {
          void Promise.resolve(onMark(message)).then(
            () => send({ type: 'ack' }),
            (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
          );
        } else if (message.type === 'result') finish(undefined, message.result);
        else finish(new Error(`load process failed: ${message.message}`));
      };
      const onExit = (code: number | null) => finish(new Error(`load process exited (${code}) without a result`));
      const timer = setTimeout(() => {
        finish(new Error(`load job ${job.type} passed its ${deadlineMs} ms deadline`));
        void this.stop();
      }, deadlineMs);
      const finish = (error: Error | undefined, result?: LoadResult) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(result!);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      send({ type: 'job', job });
    });
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}
