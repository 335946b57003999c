import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { base64FromBytes } from '../../lib/shared/base64';
import { jsonRoute, parseBody } from '../../app/_server/json-route';
import { reopenOverlap } from '../../lib/consolidation/reopen-overlap';
import { exportPlan } from '../../lib/export/export-plan';
import { appError } from '../../lib/i18n/error-text';
import type { Locale } from '../../lib/i18n/locales';
import { convertDocxToHtml } from '../../lib/import/docx-to-html';
import { changePhase } from '../../lib/plans/change-phase';
import { amendmentInput } from '../../lib/shared/amendments';
import { planMetadataInput } from '../../lib/shared/plan-metadata';
import {
  acceptInvitationInput,
  appointInput,
  commentInput,
  createPlanInput,
  createSectionInput,
  nameVersionInput,
  updateSectionInput,
} from '../../lib/shared/schemas';
import { resolutionSchema } from '../../lib/consolidation/resolution-schema';
import type { z } from 'zod';
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

  it('gives every form a sentence of its own for a field left empty, too long or wrong, in each language', async () => {
    const check = (schema: z.ZodType, body: unknown, form: string) => () => parseBody(post(body), schema, form);
    const at = (locale: Locale, schema: z.ZodType, body: unknown, form: string) =>
      answer(locale, check(schema, body, form)).then((a) => a.body as { error: string; field?: string });
    const section = { title: ' ', leadState: 'PER' };
    expect(await at('es', createSectionInput, section, 'section')).toEqual({
      error: 'Dé un título a la sección.',
      field: 'title',
    });
    expect(await at('fr', updateSectionInput, {}, 'section')).toEqual({
      error: 'Modifiez quelque chose avant d’enregistrer.',
      field: 'body',
    });
    // A check of the schema's own (a coordinator represents a state) has a sentence too.
    expect(await at('pt', appointInput, { email: 'a@example.org', role: 'coordinator' }, 'appoint')).toEqual({
      error:
        'Escolha o Estado membro que o coordenador representa; a Presidência e os observadores não representam nenhum.',
      field: 'stateCode',
    });
    expect(await at('es', acceptInvitationInput, { name: 'Ana', password: 'corta' }, 'invitation')).toEqual({
      error: 'Elija una contraseña de al menos 8 caracteres.',
      field: 'password',
    });
    expect(await at('es', nameVersionInput, { name: '' }, 'version')).toMatchObject({ field: 'name' });
    expect(await at('es', commentInput, { body: '  ' }, 'message')).toEqual({
      error: 'Escriba su mensaje antes de enviarlo.',
      field: 'body',
    });
    const doc = new Y.Doc();
    const at0 = base64FromBytes(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getText(), 0)));
    const amendment = { kind: 'replace', from: at0, to: at0, text: ' ' };
    expect(await at('fr', amendmentInput, amendment, 'amendment')).toEqual({
      error: 'Écrivez les mots que vous proposez.',
      field: 'text',
    });
    expect(await at('es', resolutionSchema, { kind: 'keep', reason: 'no' }, 'resolution')).toEqual({
      error: 'Indique en pocas palabras por qué se mantienen ambos pasajes.',
      field: 'reason',
    });
    const metadata = { council: '', committee: '', workingGroup: '', symbol: '', originalLanguage: 'es' };
    expect(await at('pt', planMetadataInput, { ...metadata, date: '26/11/2026' }, 'metadata')).toEqual({
      error: 'Escreva a data como AAAA-MM-DD, por exemplo 2026-12-07.',
      field: 'date',
    });
    // A field a form has no sentence for is named by its label, in the reader's language.
    expect(
      await at('fr', planMetadataInput, { ...metadata, date: null, council: 'x'.repeat(301) }, 'metadata'),
    ).toEqual({ error: '« Conseil » ne peut dépasser 300 caractères.', field: 'council' });
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

  it('tells a Spanish reader in Spanish what the plans, imports and overlaps refuse, and logs it in English', async () => {
    const plan = await buildPlan(t.db, { phase: 'goal' });
    const skip = () => changePhase(t.db, { actorId: plan.chair.id, planId: plan.id, phase: 'consolidation' });
    expect(await answer('es', skip)).toEqual({
      status: 400,
      body: { error: 'Un plan cambia de fase de una en una (fase actual: Objetivo).' },
    });
    // The English stays as API callers and the logs knew it, field name first.
    await expect(skip()).rejects.toMatchObject({ message: 'phase: a plan moves one phase at a time (from goal)' });

    const oldWord = () => convertDocxToHtml(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(await answer('es', oldWord)).toEqual({
      status: 400,
      body: { error: 'Es un archivo de Word antiguo (.doc); guárdelo como .docx e importe ese archivo.' },
    });

    const unknownOverlap = () =>
      reopenOverlap(t.db, { userId: plan.chair.id, overlapId: '00000000-0000-4000-8000-000000000000' });
    expect(await answer('es', unknownOverlap)).toEqual({
      status: 404,
      body: { error: 'Esta superposición no existe.' },
    });
    await expect(unknownOverlap()).rejects.toMatchObject({ message: 'No such overlap' });
  });

  it('sends the details of an error along with its words', async () => {
    const refused = async () => {
      throw appError('conflict', 'mergeChangedSince', undefined, { versions: { a: 'v1', b: 'v2' } });
    };
    expect(await answer('es', refused)).toEqual({
      status: 409,
      body: {
        versions: { a: 'v1', b: 'v2' },
        error:
          'Un párrafo de esta fusión cambió desde entonces; compare en su lugar las versiones guardadas antes de la fusión.',
      },
    });
  });
});
