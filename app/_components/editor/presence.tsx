'use client';

import type { Editor } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { useLocalStateName } from '../i18n/use-state-name';
import { personPlaces, type Place } from './person-places';

type Person = { name: string; state: string | null; color: string; role: string };
type Here = Person & { self: boolean; place?: Place };

/**
 * Who is in this document right now; observers are counted, not listed, and an observer is told they
 * count. Opened, it names the paragraph each person's caret is in: the carets themselves are hidden
 * from screen readers, so this is where a listener learns who is where. While the connection is down
 * the provider forgets the others; the last people seen stay, marked as no longer current.
 */
export function Presence({
  awareness,
  provider,
  editor,
}: {
  awareness: Awareness;
  provider: Pick<WebsocketProvider, 'wsconnected' | 'on' | 'off'>;
  editor?: Editor | null;
}) {
  const t = useTranslations('Presence');
  const roles = useTranslations('Roles');
  // The server names each person's state in English (lib/shared/awareness-user.ts).
  const stateName = useLocalStateName();
  const [people, setPeople] = useState<Here[]>([]);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    const refresh = () => {
      // Offline, the provider drops everyone else's presence (y-websocket, on close): keep who was here.
      setStale(!provider.wsconnected);
      if (!provider.wsconnected) return;
      const places = editor && !editor.isDestroyed ? personPlaces(editor, awareness) : new Map<number, Place>();
      const all: Here[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: Person }).user;
        if (user?.name) all.push({ ...user, self: clientId === awareness.clientID, place: places.get(clientId) });
      });
      setPeople(all);
    };
    awareness.on('change', refresh);
    provider.on('status', refresh);
    editor?.on('update', refresh);
    refresh();
    return () => {
      awareness.off('change', refresh);
      provider.off('status', refresh);
      editor?.off('update', refresh);
    };
  }, [awareness, provider, editor]);

  // One chip per person, however many of their pages are open.
  const editors = people.filter((p, i) => p.role !== 'observer' && people.findIndex((q) => sameName(q, p)) === i);
  const observing = people.some((p) => p.self && p.role === 'observer');
  const others = people.filter((p) => p.role === 'observer').length - (observing ? 1 : 0);
  const roleName = (role: string) =>
    role === 'chair' || role === 'coordinator' || role === 'observer' || role === 'admin' ? roles(role) : role;
  const who = (p: Here) =>
    p.state
      ? t('personOfState', { name: p.name, state: stateName(p.state) })
      : t('personOfRole', { name: p.name, role: roleName(p.role) });
  const where = (p: Here) => {
    if (p.self) return t('you');
    const place = people.find((q) => sameName(q, p) && q.place)?.place;
    return place ? t('inBlock', { block: place.block, words: place.words }) : t('noCaret');
  };
  return (
    <details className={stale ? 'presence stale' : 'presence'} data-stale={stale || undefined}>
      {/* The count is heard first; the names shown stay part of the name, for voice control. */}
      <summary>
        <span className="visually-hidden">{t('whoIsHere', { count: editors.length })} </span>
        {stale && <span className="muted">{t('stale')}</span>}
        {editors.map((p, i) => (
          <span
            key={i}
            className="person"
            style={{ borderColor: p.color }}
            title={p.state ? stateName(p.state) : roleName(p.role)}
          >
            {p.name}
            {p.state && <small> · {stateName(p.state)}</small>}
          </span>
        ))}
        {observing ? (
          <span className="muted">{t('youObserving', { others })}</span>
        ) : (
          others > 0 && <span className="muted"> {t('othersObserving', { others })}</span>
        )}
      </summary>
      <ul className="who-here card" aria-label={t('label')}>
        {editors.map((p, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" /> {who(p)}: {where(p)}
          </li>
        ))}
        {(observing || others > 0) && (
          <li className="muted">{observing ? t('youObserving', { others }) : t('othersObserving', { others })}</li>
        )}
      </ul>
    </details>
  );
}

function sameName(a: Person, b: Person): boolean {
  return a.name === b.name && a.state === b.state && a.role === b.role;
}
