'use client';

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

type Person = { name: string; state: string | null; color: string; role: string };

/** Who is in this document right now; observers are counted, not listed. */
export function Presence({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const refresh = () => {
      const all: Person[] = [];
      awareness.getStates().forEach((state) => {
        const user = (state as { user?: Person }).user;
        if (user?.name) all.push(user);
      });
      setPeople(all);
    };
    awareness.on('change', refresh);
    refresh();
    return () => awareness.off('change', refresh);
  }, [awareness]);

  const editors = people.filter((p) => p.role !== 'observer');
  const observers = people.length - editors.length;
  return (
    <span className="presence" aria-label="People in this document">
      {editors.map((p, i) => (
        <span key={i} className="person" style={{ borderColor: p.color }} title={p.state ?? p.role}>
          {p.name}
          {p.state && <small> · {p.state}</small>}
        </span>
      ))}
      {observers > 0 && <span className="muted"> +{observers} observing</span>}
    </span>
  );
}
