import { afterAll } from 'vitest';
import type { Db } from '../../db/client';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { openProvider } from './provider';

/**
 * The people of the discussion suites: Peru leads "police" with Mexico co-editing, Brazil leads
 * "victims", and an observer follows.
 */
export type WorkingGroup = {
  plan: BuiltPlan;
  peru: BuiltMember;
  mexico: BuiltMember;
  brazil: BuiltMember;
  observer: BuiltMember;
  police: BuiltSection;
  victims: BuiltSection;
};

export async function buildWorkingGroup(db: Db): Promise<WorkingGroup> {
  const plan = await buildPlan(db);
  const peru = await buildMember(db, { plan, state: 'PER' });
  const mexico = await buildMember(db, { plan, state: 'MEX' });
  const brazil = await buildMember(db, { plan, state: 'BRA' });
  const observer = await buildMember(db, { plan, role: 'observer' });
  const police = await buildSection(db, { plan, lead: peru, coEditors: [mexico] });
  const victims = await buildSection(db, { plan, lead: brazil });
  return { plan, peru, mexico, brazil, observer, police, victims };
}

/** Opens stock y-websocket connections as pages do, closed when the suite ends. */
export function useConnections(url: () => string): (room: string, cookie: string) => ReturnType<typeof openProvider> {
  const open: Array<ReturnType<typeof openProvider>> = [];
  afterAll(() => {
    for (const client of open) client.provider.destroy();
  });
  return (room, cookie) => {
    const client = openProvider(url(), room, cookie);
    open.push(client);
    return client;
  };
}
