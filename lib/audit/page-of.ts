/**
 * One page of entries read newest first with one row more than `limit`: the page, and the cursor of the
 * next (older) one, the id of the page's last entry, or null when that extra row was not there.
 */
export function pageOf<T>(rows: readonly T[], limit: number, idOf: (row: T) => number) {
  const page = rows.slice(0, limit);
  return { page, olderBefore: rows.length > limit && page.length > 0 ? idOf(page.at(-1)!) : null };
}
