'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

/** The addresses a link may lead to: the web, and email. */
const SCHEMES = ['https:', 'http:', 'mailto:'];

/** The address typed, if a link may lead there; empty means "no link". */
export function linkTarget(typed: string): { href: string } | { remove: true } | null {
  const value = typed.trim();
  if (value === '') return { remove: true };
  try {
    const url = new URL(value);
    return SCHEMES.includes(url.protocol) ? { href: url.href } : null;
  } catch {
    return null;
  }
}

/**
 * Sets, changes or removes the link on the selected words, in a field under the toolbar (the browser's
 * prompt() would block the page and say nothing of a mistyped address). Escape or Cancel leaves the
 * text as it was and goes back to it.
 */
export function LinkField({ editor, initial, onDone }: { editor: Editor; initial: string; onDone: () => void }) {
  const t = useTranslations('Toolbar');
  const id = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const hadLink = editor.isActive('link');

  const close = () => {
    onDone();
    editor.commands.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = linkTarget(value);
    if (!target) return setInvalid(true);
    const chain = editor.chain().focus().extendMarkRange('link');
    if ('remove' in target) chain.unsetLink().run();
    else chain.setLink({ href: target.href }).run();
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  return (
    <form className="row link-field" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={`${id}-href`}>{t('linkPrompt')}</label>
      <input
        id={`${id}-href`}
        type="url"
        value={value}
        autoFocus
        onChange={(e) => {
          setValue(e.target.value);
          setInvalid(false);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      <button type="submit">{t('linkApply')}</button>
      {hadLink && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          {t('linkRemove')}
        </button>
      )}
      <button type="button" className="secondary" onClick={close}>
        {t('linkCancel')}
      </button>
      {invalid && (
        <p id={`${id}-error`} className="error" role="alert">
          {t('linkInvalid')}
        </p>
      )}
    </form>
  );
}
