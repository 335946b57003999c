import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentionedUsers } from '../../lib/discussion/mentions';
import { listComments } from '../../lib/discussion/list-comments';
import { postComment } from '../../lib/discussion/post-comment';
import { MENTIONS_MAX } from '../../lib/shared/discussion';
import { commentInput } from '../../lib/shared/schemas';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useDatabase } from '../helpers/database-fixture';

describe('mentions in a discussion', () => {
  const t = useDatabase();
  const db = () => t.db;
  let plan: BuiltPlan, otherPlan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, observer: BuiltMember, elsewhere: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db());
    otherPlan = await buildPlan(db());
    peru = await buildMember(db(), { plan, state: 'PER' });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    observer = await buildMember(db(), { plan, role: 'observer', name: 'Civil Society Forum' });
    elsewhere = await buildMember(db(), { plan: otherPlan, state: 'BRA' });
    police = await buildSection(db(), { plan, lead: peru, coEditors: [mexico] });
  });

  it('keeps whom a message names by id, and a state reaches exactly its coordinator', async () => {
    const body = '@Mexico and @Civil Society Forum: can you confirm?';
    const posted = await postComment(db(), {
      userId: peru.id,
      sectionId: police.id,
      body,
      mentions: [
        { kind: 'state', code: 'MEX', label: 'Mexico' },
        { kind: 'person', userId: observer.id, label: 'Civil Society Forum' },
        { kind: 'state', code: 'MEX', label: 'Mexico' },
      ],
    });
    expect(posted.mentions).toEqual([
      { kind: 'state', code: 'MEX', label: 'Mexico' },
      { kind: 'person', userId: observer.id, label: 'Civil Society Forum' },
    ]);
    expect((await listComments(db(), { userId: mexico.id, sectionId: police.id })).at(-1)!.mentions).toEqual(
      posted.mentions,
    );
    expect(await mentionedUsers(db(), plan.id, [{ kind: 'state', code: 'MEX', label: 'Mexico' }])).toEqual([mexico.id]);
    expect((await mentionedUsers(db(), plan.id, posted.mentions)).sort()).toEqual([mexico.id, observer.id].sort());
  });

  it('refuses a mention of someone outside the plan, of a state without a coordinator in it, or not in the text, and keeps nothing', async () => {
    const before = await listComments(db(), { userId: peru.id, sectionId: police.id });
    const attempts = [
      { body: '@Someone', mentions: [{ kind: 'person' as const, userId: elsewhere.id, label: 'Someone' }] },
      { body: '@Unknown', mentions: [{ kind: 'person' as const, userId: randomUUID(), label: 'Unknown' }] },
      { body: '@Brazil', mentions: [{ kind: 'state' as const, code: 'BRA', label: 'Brazil' }] },
      { body: 'No name here', mentions: [{ kind: 'state' as const, code: 'MEX', label: 'Mexico' }] },
    ];
    for (const attempt of attempts) {
      await expect(postComment(db(), { userId: peru.id, sectionId: police.id, ...attempt })).rejects.toMatchObject({
        code: 'invalid',
      });
    }
    expect(await listComments(db(), { userId: peru.id, sectionId: police.id })).toEqual(before);
  });

  it(`takes at most ${MENTIONS_MAX} mentions in one message`, () => {
    const many = Array.from({ length: MENTIONS_MAX + 1 }, () => ({ kind: 'person', userId: randomUUID(), label: 'x' }));
    expect(commentInput.safeParse({ body: 'Hello', mentions: many.slice(0, MENTIONS_MAX) }).success).toBe(true);
    expect(commentInput.safeParse({ body: 'Hello', mentions: many }).success).toBe(false);
  });
});
