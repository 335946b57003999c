/** A failed call to the JSON API: its status, and the server's message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    serverMessage: string | undefined,
    /** The form field the message belongs next to, when the server names one. */
    readonly field?: string,
  ) {
    super(serverMessage ?? '');
    this.name = 'ApiError';
  }
}

/** The server could not be reached (offline, or the connection dropped). */
export class NetworkError extends Error {
  constructor() {
    super('');
    this.name = 'NetworkError';
  }
}

/** Calls the JSON API from the browser; a failed call throws an ApiError (or a NetworkError), which useErrorMessage puts in words. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new NetworkError();
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: string; field?: string };
  if (!response.ok) throw new ApiError(response.status, data.error, data.field);
  return data as T;
}
