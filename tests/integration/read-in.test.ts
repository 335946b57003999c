import { beforeAll, describe, expect, it } from 'vitest';
import { translateSectionText } from '../../lib/reading/translate-section-text';
import { READ_IN_MAX_PARAGRAPHS, readInSchema } from '../../lib/shared/read-in';
import { sharedTranslator } from '../../lib/translation';
import {
  buildMember,
  buildPlan,
  buildSection,
  buildUser,
  type BuiltMember,
  type BuiltSection,
  type BuiltUser,
} from '../factories';
import { apertiumAvailable } from '../helpers/apertium';
import { useCollabServer } from '../helpers/collab-fixture';

const SPANISH = 'Crear observatorios nacionales del delito con datos abiertos.';

describe.runIf(apertiumAvailable())('"Read in …": a section machine-translated for one reader', () => {
  const t = useCollabServer();
  let observer: BuiltMember;
  let another: BuiltMember;
  let outsider: BuiltUser;
  let section: BuiltSection;

  beforeAll(async () => {
    const plan = await buildPlan(t.db);
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    another = await buildMember(t.db, { plan, role: 'observer' });
    outsider = await buildUser(t.db);
    section = await buildSection(t.db, { plan, lead: mexico, text: [SPANISH] });
  });

  const ask = (userId: string, paragraphs: string[]) =>
    translateSectionText(t.db, {
      userId,
      sectionId: section.id,
      request: { into: 'en', paragraphs },
      translator: sharedTranslator(),
    });

  it('translates each paragraph not in the language asked for, and leaves the others', async () => {
    const result = await ask(observer.id, [
      SPANISH,
      'Canada proposes common indicators for citizen-security statistics.',
    ]);
    expect(result.paragraphs[0]).toEqual({
      language: 'es',
      translation: 'Create national observatories of the crime with open data.',
    });
    expect(result.paragraphs[1]).toEqual({ language: 'en', translation: null });
  });

  it('is refused to whoever may not read the plan', async () => {
    await expect(ask(outsider.id, [SPANISH])).rejects.toMatchObject({ code: 'not_found' });
  });

  it('bounds a request: paragraphs, characters per paragraph and in all', () => {
    const many = Array.from({ length: READ_IN_MAX_PARAGRAPHS + 1 }, () => 'x');
    expect(readInSchema.safeParse({ into: 'en', paragraphs: many }).success).toBe(false);
    expect(readInSchema.safeParse({ into: 'en', paragraphs: ['x'.repeat(5_001)] }).success).toBe(false);
    expect(
      readInSchema.safeParse({ into: 'en', paragraphs: Array.from({ length: 21 }, () => 'x'.repeat(5_000)) }).success,
    ).toBe(false);
    expect(readInSchema.safeParse({ into: 'xx', paragraphs: ['x'] }).success).toBe(false);
    expect(readInSchema.safeParse({ into: 'en', paragraphs: [SPANISH] }).success).toBe(true);
  });

  it('limits how often one user may ask, not the others', async () => {
    const results = await Promise.allSettled(Array.from({ length: 125 }, () => ask(observer.id, [SPANISH])));
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toContain('rate_limited');
    await expect(ask(another.id, [SPANISH])).resolves.toBeDefined();
  });
});
