import * as Y from 'yjs';
import { bytesFromBase64 } from '../../../lib/shared/base64';
import { api } from '../api-client';

const snapshotCache = new Map<string, Y.Snapshot>();

/** A section version's snapshot, fetched once per page: versions never change. */
export async function loadSnapshot(sectionId: string, versionId: string): Promise<Y.Snapshot> {
  const cached = snapshotCache.get(versionId);
  if (cached) return cached;
  const { snapshot } = await api<{ snapshot: string }>('GET', `/api/sections/${sectionId}/versions/${versionId}`);
  const decoded = Y.decodeSnapshot(bytesFromBase64(snapshot));
  snapshotCache.set(versionId, decoded);
  return decoded;
}
