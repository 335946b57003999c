import { describe, expect, it } from 'vitest';
import { listPlanOverlaps } from '../../lib/consolidation/list-overlaps';
import { refreshOverlaps } from '../../lib/consolidation/refresh-overlaps';
import { resolveOverlap } from '../../lib/consolidation/resolve-overlap';
import { documentHost } from '../../lib/documents/live-documents';
import { textBlocks } from '../../lib/documents/paragraphs';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { EMPTY_PLAN_METADATA } from '../../lib/shared/plan-metadata';
import { buildMember, buildPlan, buildSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';

const PERU =
  'Establecer una red regional de fiscales especializados en delitos contra las mujeres, con capacitación compartida y protocolos comunes.';
const MEXICO =
  'Crear una red regional de fiscales especializados en delitos contra las mujeres, compartiendo capacitación y protocolos comunes.';

describe('text the server writes into a section', () => {
  const t = useCollabServer();

  it('a merge in a Spanish plan writes its reference in Spanish, states named in Spanish', async () => {
    const plan = await buildPlan(t.db);
    await updatePlanMetadata(t.db, {
      userId: plan.chair.id,
      planId: plan.id,
      metadata: { ...EMPTY_PLAN_METADATA, originalLanguage: 'es', language: 'es' },
    });
    const peru = await buildMember(t.db, { plan, state: 'PER' });
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    await buildSection(t.db, { plan, lead: peru, title: 'Fiscalías', text: [PERU] });
    const prevention = await buildSection(t.db, { plan, lead: mexico, title: 'Prevención', text: [MEXICO] });

    await refreshOverlaps(t.db, plan.id);
    const [overlap] = (await listPlanOverlaps(t.db, { userId: plan.chair.id, planId: plan.id })).overlaps;
    expect(overlap).toBeDefined();
    const keep = overlap!.a.state.code === 'PER' ? 'a' : 'b';
    await resolveOverlap(t.db, { userId: plan.chair.id, overlapId: overlap!.id, resolution: { kind: 'merge', keep } });

    const paragraphs = await documentHost().read(prevention.room, (doc) => textBlocks(doc).map((b) => b.text));
    expect(paragraphs).toEqual([
      expect.stringMatching(/^Véase la sección 1, párrafo 1 \(Fiscalías\) — copatrocinado por Perú y México\.$/),
    ]);
  });
});
