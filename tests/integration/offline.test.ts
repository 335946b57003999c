import { describe, expect, it } from 'vitest';
import { documentText } from '../../lib/documents/paragraphs';
import { buildMember, buildPlan, buildSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';
import { storedText } from '../helpers/stored-text';

const OFFLINE_MS = 60_000;

describe('a client offline for a minute', () => {
  const t = useCollabServer();

  it(
    "merges its local edits and the others' when it comes back, losing nothing",
    { timeout: OFFLINE_MS + 30_000 },
    async () => {
      const plan = await buildPlan(t.db);
      const lead = await buildMember(t.db, { plan });
      const coEditor = await buildMember(t.db, { plan });
      const { room } = await buildSection(t.db, {
        plan,
        lead,
        coEditors: [coEditor],
        text: ['A proposal written before anyone went offline.'],
      });
      const away = openProvider(t.server.url, room, lead.cookie);
      const here = openProvider(t.server.url, room, coEditor.cookie);
      await Promise.all([waitForSync(away.provider), waitForSync(here.provider)]);

      away.provider.disconnect();
      const started = Date.now();
      for (let i = 0; i < 6; i++) {
        appendParagraph(away.doc, `offline edit ${i}`);
        appendParagraph(here.doc, `online edit ${i}`);
        // The time offline is the point of the test.
        await new Promise((r) => setTimeout(r, OFFLINE_MS / 6));
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(OFFLINE_MS);
      expect(documentText(here.doc)).not.toContain('offline edit');

      away.provider.connect();
      await eventually(() => {
        expect(documentText(away.doc)).toBe(documentText(here.doc));
        for (let i = 0; i < 6; i++) expect(documentText(here.doc)).toContain(`offline edit ${i}`);
        for (let i = 0; i < 6; i++) expect(documentText(away.doc)).toContain(`online edit ${i}`);
      }, 10_000);
      await t.server.collab.flush();
      expect(await storedText(t.db, room)).toBe(documentText(here.doc));
      away.provider.destroy();
      here.provider.destroy();
    },
  );
});
