import { describe, expect, it } from 'vitest';
import { jsonRoute, parseBody } from '../../app/_server/json-route';
import { exportPlan } from '../../lib/export/export-plan';
import type { Locale } from '../../lib/i18n/locales';
import { createPlanInput } from '../../lib/shared/schemas';
import { buildPlan } from '../factories';
import { useDatabase } from '../helpers/database-fixture';

const post = (body: unknown) =>
  new Request('http://localhost/api/plans', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** What a route answers a requester who reads `locale`. */
async function answer(locale: Locale, body: () => Promise<unknown>) {
  const response = await jsonRoute(body, { locale: async () => locale });
  return { status: response.status, body: await response.json() };
}

describe('messages the server sends a person, in their language', () => {
  const t = useDatabase();

  it("says what is wrong with a form field as a sentence, next to the field, in the requester's language", async () => {
    const create = (body: unknown) => () => parseBody(post(body), createPlanInput, 'plan');
    expect(await answer('en', create({ title: '   ', chairEmail: 'chair@example.org' }))).toEqual({
      status: 400,
      body: { error: 'Give the plan a title.', field: 'title' },
    });
    expect(await answer('es', create({ title: '   ', chairEmail: 'chair@example.org' }))).toEqual({
      status: 400,
      body: { error: 'Dé un título al plan.', field: 'title' },
    });
    expect(await answer('fr', create({ title: 'x'.repeat(301), chairEmail: 'chair@example.org' }))).toEqual({
      status: 400,
      body: { error: 'Le titre ne peut dépasser 300 caractères.', field: 'title' },
    });
    expect(await answer('pt', create({ title: 'Plano', chairEmail: 'não é um endereço' }))).toEqual({
      status: 400,
      body: {
        error: 'Escreva o endereço de e-mail completo da Presidência, por exemplo nome@example.org.',
        field: 'chairEmail',
      },
    });
  });

  it("answers domain errors in the requester's language, and English in its logs", async () => {
    const plan = await buildPlan(t.db);
    const exportIn = (format: string, language?: string) => () =>
      exportPlan(t.db, { userId: plan.chair.id, planId: plan.id, format, language });
    expect(await answer('es', exportIn('odt'))).toEqual({
      status: 400,
      body: { error: 'Elija Word, PDF, HTML o Markdown para la exportación.' },
    });
    expect(await answer('fr', exportIn('md', 'de'))).toEqual({
      status: 400,
      body: { error: 'Les exportations ne peuvent être qu’en espagnol, anglais, portugais ou français.' },
    });
    const stranger = () =>
      exportPlan(t.db, { userId: plan.chair.id, planId: '00000000-0000-4000-8000-000000000000', format: 'md' });
    expect(await answer('pt', stranger)).toEqual({
      status: 404,
      body: { error: 'Este plano não existe ou você não é membro dele.' },
    });
    await expect(stranger()).rejects.toMatchObject({
      message: 'This plan does not exist, or you are not one of its members.',
    });
  });
});
