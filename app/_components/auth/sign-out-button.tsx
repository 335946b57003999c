'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { browserDrafts, draftWritesDone } from '../saving/draft-storage';

type Kept = { keys: string[]; documents: number };

/**
 * Signs out; first, when this browser still keeps edits of the user's that never reached the server
 * (unsaved-edits.ts), asks whether to keep them for the next sign-in here or delete them, as one would
 * on a shared computer: anyone using this browser could read them.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const t = useTranslations('SignOutButton');
  const dialog = useRef<HTMLDialogElement>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const leave = () => void signOut({ callbackUrl: '/signin' });

  async function start() {
    // The last keystrokes typed offline may still be on their way to this computer: they count too.
    await draftWritesDone();
    const drafts = (await browserDrafts()?.list(`${userId}:`)) ?? [];
    if (!drafts.length) return leave();
    const keys = drafts.map(([key]) => key);
    // A key is `${userId}:${roomId}:${clientId}`: the documents are the keys without their last part.
    setKept({ keys, documents: new Set(keys.map((key) => key.slice(0, key.lastIndexOf(':')))).size });
    dialog.current?.showModal();
  }

  async function deleteAndLeave(keys: readonly string[]) {
    const storage = browserDrafts();
    await Promise.all(keys.map((key) => storage?.remove(key)));
    leave();
  }

  return (
    <>
      <button type="button" className="link" onClick={() => void start()}>
        {t('signOut')}
      </button>
      <dialog ref={dialog} className="card stack" aria-labelledby="kept-edits-title" onClose={() => setKept(null)}>
        <h2 id="kept-edits-title">{t('title')}</h2>
        <p>{t('kept', { documents: kept?.documents ?? 0 })}</p>
        <p>{t('sharedComputer')}</p>
        <div className="row">
          <button type="button" onClick={leave}>
            {t('keep')}
          </button>
          <button type="button" className="danger" onClick={() => kept && void deleteAndLeave(kept.keys)}>
            {t('delete')}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
