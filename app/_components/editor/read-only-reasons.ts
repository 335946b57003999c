/** Why the toolbar is not there. */
export function readOnlyLabel({ mayWrite, arrived, viewing, reason }: { mayWrite: boolean; arrived: boolean; viewing: boolean; reason: string | undefined }): string {
  if (!mayWrite) return reason ?? 'Read-only — your permissions changed';
  if (!arrived) return 'Loading the document…';
  return viewing ? 'Viewing — back to the live text to edit' : '';
}

/** Why the words this browser kept were not added (UnsentWords). */
export function unsentWhy(mayWrite: boolean, notice: string | null, readOnlyReason: string | undefined): string {
  if (mayWrite) return `The server did not take them: ${notice ?? 'it refused these edits.'}`;
  const why = readOnlyLabel({ mayWrite, arrived: true, viewing: false, reason: readOnlyReason }).replace(/^Read-only — /, '');
  return `You typed them while this page could not reach the server, and meanwhile you may no longer write in this section (${why}).`;
}
