'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import { api } from '../api-client';
import { TitleInput } from '../title-input';
import { Panel } from './panel';
import { SectionEditorRow } from './section-settings';
import { StateOptions, type State } from './state-options';
import type { Run } from './use-action';

/** The plan's sections in order, each with its settings; the chair adds one with its lead state. */
export function SectionsPanel({
  plan,
  states,
  run,
  busy,
}: {
  plan: PlanView;
  states: State[];
  run: Run;
  busy: boolean;
}) {
  const t = useTranslations('SectionsPanel');
  async function addSection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const added = await run(() =>
      api('POST', `/api/plans/${plan.id}/sections`, {
        title: String(form.get('title')),
        leadState: String(form.get('leadState')),
      }),
    );
    // Cleared once added (the section shows in the list above), so a second click adds no duplicate.
    if (added !== undefined) element.reset();
  }

  const move = (from: number, to: number) => {
    const ids = plan.sections.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    return run(() => api('PUT', `/api/plans/${plan.id}/sections/order`, { sectionIds: ids }));
  };

  return (
    <Panel title={t('title')}>
      <ol className="stack plain">
        {plan.sections.map((section, i) => (
          <SectionEditorRow
            key={section.id}
            section={section}
            states={states}
            onSave={(body) => run(() => api('PATCH', `/api/sections/${section.id}`, body))}
            onDelete={() => run(() => api('DELETE', `/api/sections/${section.id}`))}
            onUp={i > 0 ? () => move(i, i - 1) : undefined}
            onDown={i < plan.sections.length - 1 ? () => move(i, i + 1) : undefined}
          />
        ))}
      </ol>
      <form className="row" onSubmit={addSection} aria-label={t('newSection')}>
        <TitleInput name="title" placeholder={t('titlePlaceholder')} aria-label={t('newTitle')} required />
        <select name="leadState" aria-label={t('newLeadState')}>
          <StateOptions states={states} />
        </select>
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
    </Panel>
  );
}
