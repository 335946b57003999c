import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../db/client';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from './collab-fixture';
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

/** Coordinators of Peru, Mexico, Brazil and Canada, and an observer, appointed to `plan`. */
export type Delegations = Record<'peru' | 'mexico' | 'brazil' | 'canada' | 'observer', BuiltMember>;

export async function buildDelegations(db: Db, plan: BuiltPlan): Promise<Delegations> {
  const people = {} as Delegations;
  for (const [who, state] of [
    ['peru', 'PER'],
    ['mexico', 'MEX'],
    ['brazil', 'BRA'],
    ['canada', 'CAN'],
  ] as const)
    people[who] = await buildMember(db, { plan, state });
  people.observer = await buildMember(db, { plan, role: 'observer' });
  return people;
}

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

/**
 * A suite's collaboration server and its working group, built before the suite's tests run (read its
 * people from `group` inside tests), with `connect` opening pages closed when the suite ends.
 */
export function useWorkingGroup() {
  const t = useCollabServer();
  const connect = useConnections(() => t.server.url);
  const group = {} as WorkingGroup;
  beforeAll(async () => {
    Object.assign(group, await buildWorkingGroup(t.db));
  });
  return { t, connect, group };
}
