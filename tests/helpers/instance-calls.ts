import type { ChildProcess } from 'node:child_process';
import type { Db } from '../../db/client';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { AppError, type ErrorCode } from '../../lib/errors';

/**
 * Domain calls a test sends a server process (tests/helpers/collab-main.ts) to make itself, as the
 * other instance behind a load balancer would when a request reaches it.
 */
export const instanceCalls = {
  resolveOverlap,
};

export type InstanceCalls = typeof instanceCalls;
export type CallName = keyof InstanceCalls;
type CallRequest = { id: number; name: CallName; options: unknown };
type CallReply = { id: number; value?: unknown; error?: { code?: ErrorCode; message: string } };

/** In the server process: makes the calls that come over its IPC channel and answers each. */
export function answerCalls(db: Db): void {
  process.on('message', (request: CallRequest) => {
    const call = instanceCalls[request.name] as (db: Db, options: unknown) => Promise<unknown>;
    const reply = (message: CallReply) => process.send?.(message);
    call(db, request.options).then(
      (value) => reply({ id: request.id, value }),
      (error: unknown) =>
        reply({
          id: request.id,
          error: { ...(error instanceof AppError && { code: error.code }), message: String((error as Error).message) },
        }),
    );
  });
}

/** In the test: sends calls to a server process and gives back its answers, an AppError as an AppError. */
export function callerOf(child: ChildProcess) {
  let next = 0;
  const waiting = new Map<number, (reply: CallReply) => void>();
  child.on('message', (reply: CallReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return <K extends CallName>(
    name: K,
    options: Parameters<InstanceCalls[K]>[1],
  ): Promise<Awaited<ReturnType<InstanceCalls[K]>>> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (reply) => {
        if (!reply.error) return resolve(reply.value as Awaited<ReturnType<InstanceCalls[K]>>);
        reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
      });
      child.send({ id, name, options } satisfies CallRequest);
    });
}
