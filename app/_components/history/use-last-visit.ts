import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { bytesFromBase64 } from '../../../lib/shared/base64';

/** The reader's last visit to a section: when, and the section as they left it (base64 of Y.encodeSnapshot). */
export type LastVisit = { at: string; snapshot: string };

/** What the reader saw last time, and whether the document arrived different from it. */
export function useLastVisit(
  lastVisit: LastVisit | null | undefined,
  doc: Y.Doc,
  arrived: boolean,
): { seen: Y.Snapshot | null; changed: boolean } {
  const seen = useMemo(() => (lastVisit ? Y.decodeSnapshot(bytesFromBase64(lastVisit.snapshot)) : null), [lastVisit]);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (arrived && seen) setChanged(!Y.equalSnapshots(seen, Y.snapshot(doc)));
  }, [arrived, seen, doc]);
  return { seen, changed };
}
