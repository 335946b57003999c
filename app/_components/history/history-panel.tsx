'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { announce } from '../announcer';
import { api } from '../api-client';
import { AttributionShare } from './attribution-share';
import { useVersionLabel } from './use-version-label';
import { VersionSelect } from './version-select';
import { loadSnapshot } from './version-snapshots';
import type { ViewMode } from './view-mode';

type Version = {
  id: string;
  kind: 'auto' | 'named' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  editors: Array<{ name: string }>;
};

type Props = {
  /** Shown while the History button is pressed; its list is kept while it is closed, and fetched again when it opens. */
  open: boolean;
  sectionId: string;
  canName: boolean;
  canRestore: boolean;
  onMode: (mode: ViewMode) => void;
  /** A failed call (null: the next call is under way), shown with the views' own. */
  onError: (failure: unknown) => void;
};

/** The section's history: contributions by state, naming a version, and viewing, comparing and (chair) restoring versions. */
export function HistoryPanel({ open, sectionId, canName, canRestore, onMode, onError }: Props) {
  const t = useTranslations('HistoryPanel');
  const format = useFormatter();
  const label = useVersionLabel();
  const [versions, setVersions] = useState<Version[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const refresh = useCallback(async () => {
    const { versions: list } = await api<{ versions: Version[] }>('GET', `/api/sections/${sectionId}/versions`);
    setVersions(list);
  }, [sectionId]);

  useEffect(() => {
    if (open) refresh().catch(onError);
  }, [open, refresh, onError]);

  async function showChangesSince(version: Version) {
    onError(null);
    try {
      onMode({
        kind: 'changes',
        since: await loadSnapshot(sectionId, version.id),
        what: { what: 'sinceVersion', version },
      });
      announce(t('nowShowingChanges', { version: label(version) }));
    } catch (e) {
      onError(e);
    }
  }

  async function act(call: () => Promise<unknown>) {
    onError(null);
    try {
      await call();
      await refresh();
    } catch (e) {
      onError(e);
    }
  }

  if (!open) return null;
  const options = versions.map((v) => ({ id: v.id, label: label(v) }));
  return (
    <section className="card stack history" aria-label={t('label')}>
      <AttributionShare sectionId={sectionId} />
      {canName && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            const name = String(new FormData(event.currentTarget).get('name'));
            void act(() => api('POST', `/api/sections/${sectionId}/versions`, { name }));
          }}
        >
          <input name="name" placeholder={t('namePlaceholder')} aria-label={t('nameLabel')} required maxLength={200} />
          <button type="submit">{t('name')}</button>
        </form>
      )}
      {versions.length >= 2 && (
        <div className="row" role="group" aria-label={t('compareGroup')}>
          <VersionSelect
            label={t('compareFrom')}
            placeholder={t('from')}
            options={options}
            value={from}
            onChange={setFrom}
          />
          <VersionSelect label={t('compareTo')} placeholder={t('to')} options={options} value={to} onChange={setTo} />
          <button
            type="button"
            disabled={!from || !to || from === to}
            onClick={() => {
              onMode({ kind: 'compare', from, to });
              announce(
                t('nowComparing', {
                  from: options.find((o) => o.id === from)?.label ?? '',
                  to: options.find((o) => o.id === to)?.label ?? '',
                }),
              );
            }}
          >
            {t('compare')}
          </button>
        </div>
      )}
      {versions.length === 0 && <p className="muted">{t('none')}</p>}
      <ol className="plain stack">
        {versions.map((v) => (
          <li key={v.id} className="version">
            <div>
              <strong>{label(v)}</strong>
              <br />
              <small className="muted">
                {v.editors.length ? t('editedBy', { names: format.list(v.editors.map((e) => e.name)) }) : t('noEdits')}
                {v.createdBy && ` · ${t('savedBy', { name: v.createdBy })}`}
              </small>
            </div>
            <div className="row">
              {/* Named for their version: a list of a dozen "View" buttons says nothing read out of context. */}
              <button
                type="button"
                className="secondary"
                aria-label={t('viewVersion', { version: label(v) })}
                onClick={() => {
                  onMode({ kind: 'version', id: v.id });
                  announce(t('nowShowingVersion', { version: label(v) }));
                }}
              >
                {t('view')}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={t('changesSinceVersion', { version: label(v) })}
                onClick={() => void showChangesSince(v)}
              >
                {t('changesSince')}
              </button>
              {canRestore && (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('restoreVersion', { version: label(v) })}
                  onClick={() =>
                    window.confirm(t('confirmRestore')) &&
                    void act(() => api('POST', `/api/sections/${sectionId}/versions/${v.id}/restore`)).then(() =>
                      onMode({ kind: 'live' }),
                    )
                  }
                >
                  {t('restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
