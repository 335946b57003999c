/**
 * Runs tasks one at a time, in the order they were queued. Converting a .docx holds about 50 times its
 * unpacked XML in memory for several seconds (1.2 GB for the 20 MB allowed), so imports that arrive
 * together take turns rather than add up; a task that fails does not hold up the ones behind it.
 */
export function createTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task, task);
    last = result.catch(() => undefined);
    return result;
  };
}
