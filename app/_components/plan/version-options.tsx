'use client';

import { useTranslations } from 'next-intl';
import { useFormatTime } from '../use-format-time';

/** A plan's versions as the options of an export form's select (a server component's). */
export function VersionOptions({
  versions,
}: {
  versions: ReadonlyArray<{ id: string; name: string; createdAt: string | Date }>;
}) {
  const t = useTranslations('ExportPanel');
  const format = useFormatTime();
  return versions.map((v) => (
    <option key={v.id} value={v.id}>
      {t('versionOption', { name: v.name, time: format(v.createdAt) })}
    </option>
  ));
}
