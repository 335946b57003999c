/** What to tell the user of a failure: an Error's message (api() throws with the server's), else the value as text. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
