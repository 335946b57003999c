'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useFormatTime } from '../use-format-time';
import type { VersionRef } from './view-mode';

/** A version's name in lists and pickers: its own name, or "Automatic" / "Version", and when it was saved. */
export function useVersionLabel(): (version: VersionRef) => string {
  const t = useTranslations('HistoryPanel');
  const formatTime = useFormatTime();
  return useCallback(
    (v: VersionRef) => {
      const time = formatTime(v.createdAt);
      if (v.name) return t('versionNamed', { name: v.name, time });
      return v.kind === 'auto' ? t('versionAutomatic', { time }) : t('versionUnnamed', { time });
    },
    [t, formatTime],
  );
}
