import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrowdMessage, CrowdRequest } from './crowd-protocol';

type Reply<T extends CrowdMessage['type']> = Extract<CrowdMessage, { type: T }>;

/** The observer crowd's process (crowd.ts), asked one thing at a time over IPC. */
export class CrowdProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(): CrowdProcess {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crowd.ts');
    return new CrowdProcess(
      fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  connect(request: Omit<Extract<CrowdRequest, { type: 'connect' }>, 'type'>): Promise<Reply<'connected'>> {
    return this.ask({ type: 'connect', ...request }, 'connected');
  }

  async windowStart(): Promise<void> {
    await this.ask({ type: 'window-start' }, 'ack');
  }

  windowEnd(request: Omit<Extract<CrowdRequest, { type: 'window-end' }>, 'type'>): Promise<Reply<'window'>> {
    return this.ask({ type: 'window-end', ...request }, 'window');
  }

  async stop(): Promise<void> {
    const { child } = this;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  private ask<T extends CrowdMessage['type']>(request: CrowdRequest, expected: T): Promise<Reply<T>> {
    const { child } = this;
    return new Promise((resolve, reject) => {
      const onMessage = (message: CrowdMessage) => {
        finish();
        if (message.type === expected) resolve(message as Reply<T>);
        else
          reject(
            new Error(
              message.type === 'error' ? `observer crowd failed: ${message.message}` : `unexpected ${message.type}`,
            ),
          );
      };
      const onExit = (code: number | null) => {
        finish();
        reject(new Error(`observer crowd exited (${code})`));
      };
      const finish = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
      child.send(request);
    });
  }
}
