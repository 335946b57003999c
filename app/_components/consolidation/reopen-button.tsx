'use client';

import { useTranslations } from 'next-intl';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';
import type { OverlapView } from './overlap-types';

/** The chair's way back: undo a merge (while neither paragraph changed) or reopen a kept or dismissed overlap. */
export function ReopenButton({ overlap, onReopened }: { overlap: OverlapView; onReopened: () => void }) {
  const t = useTranslations('ReopenButton');
  const { run, error, busy } = useBusyCall();
  const merge = overlap.resolution?.kind === 'merge';
  return (
    <span className="stack">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await api('DELETE', `/api/overlaps/${overlap.id}/resolution`);
            onReopened();
          })
        }
      >
        {merge ? t('undoMerge') : t('reopen')}
      </button>
      <ErrorAlert message={error} />
    </span>
  );
}
