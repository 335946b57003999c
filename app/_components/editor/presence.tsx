'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useLocalStateName } from '../i18n/use-state-name';

type Person = { name: string; state: string | null; color: string; role: string };

/** Who is in this document right now; observers are counted, not listed, and an observer is told they count. */
export function Presence({ awareness }: { awareness: Awareness }) {
  const t = useTranslations('Presence');
  const roles = useTranslations('Roles');
  // The server names each person's state in English (lib/shared/awareness-user.ts).
  const stateName = useLocalStateName();
  const [people, setPeople] = useState<Array<Person & { self: boolean }>>([]);
  useEffect(() => {
    const refresh = () => {
      const all: Array<Person & { self: boolean }> = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: Person }).user;
        if (user?.name) all.push({ ...user, self: clientId === awareness.clientID });
      });
      setPeople(all);
    };
    awareness.on('change', refresh);
    refresh();
    return () => awareness.off('change', refresh);
  }, [awareness]);

  // One chip per person, however many of their pages are open.
  const editors = people.filter((p, i) => p.role !== 'observer' && people.findIndex((q) => sameName(q, p)) === i);
  const observing = people.some((p) => p.self && p.role === 'observer');
  const others = people.filter((p) => p.role === 'observer').length - (observing ? 1 : 0);
  const roleName = (role: string) => (role === 'chair' || role === 'coordinator' || role === 'observer' || role === 'admin' ? roles(role) : role);
  return (
    <span className="presence" aria-label={t('label')}>
      {editors.map((p, i) => (
        <span key={i} className="person" style={{ borderColor: p.color }} title={p.state ? stateName(p.state) : roleName(p.role)}>
          {p.name}
          {p.state && <small> · {stateName(p.state)}</small>}
        </span>
      ))}
      {observing ? (
        <span className="muted">{t('youObserving', { others })}</span>
      ) : (
        others > 0 && <span className="muted"> {t('othersObserving', { others })}</span>
      )}
    </span>
  );
}

function sameName(a: Person, b: Person): boolean {
  return a.name === b.name && a.state === b.state && a.role === b.role;
}
