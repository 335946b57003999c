/**
 * The request's path, set by our own server on every request to the app (server/next-app.ts, replacing
 * any the client sent): the not-found page reads it to say whom to ask about the plan in the address.
 */
export const REQUEST_PATH_HEADER = 'x-concordia-path';

/** The plan id in a path of a plan's pages (`/plans/<uuid>…`), if any. */
export function planIdInPath(path: string | null | undefined): string | null {
  return (
    /^\/plans\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i.exec(path ?? '')?.[1] ?? null
  );
}
