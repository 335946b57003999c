import { beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../lib/documents/paragraphs';
import { sectionRoom } from '../../lib/shared/rooms';
import { buildMember, buildPlan, buildSection } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, upgradeStatus, waitForSync } from '../helpers/provider';

describe('collaboration server', () => {
  const t = useCollabServer();
  let room: string;
  let peru: string;
  let mexico: string;

  beforeAll(async () => {
    const plan = await buildPlan(t.db);
    const lead = await buildMember(t.db, { plan, state: 'PER' });
    const coEditor = await buildMember(t.db, { plan, state: 'MEX' });
    const text = [
      'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
    ];
    room = (await buildSection(t.db, { plan, lead, coEditors: [coEditor], text })).room;
    [peru, mexico] = [lead.cookie, coEditor.cookie];
  });

  it('refuses an upgrade without a session with 401, before any Yjs traffic', async () => {
    expect(await upgradeStatus(t.server.url, room)).toBe(401);
    expect(await upgradeStatus(t.server.url, room, 'next-auth.session-token=forged')).toBe(401);
  });

  it('answers 404 for a room that does not exist', async () => {
    expect(await upgradeStatus(t.server.url, sectionRoom('00000000-0000-4000-8000-000000000000'), peru)).toBe(404);
    expect(await upgradeStatus(t.server.url, 'not-a-room', peru)).toBe(404);
  });

  it('makes two stock y-websocket clients converge on concurrent edits', async () => {
    const a = openProvider(t.server.url, room, peru);
    const b = openProvider(t.server.url, room, mexico);
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    expect(documentText(a.doc)).toContain('Peru proposes a regional curriculum');

    for (let i = 0; i < 20; i++) {
      appendParagraph(a.doc, `peru ${i}`);
      appendParagraph(b.doc, `mexico ${i}`);
    }
    await eventually(() => {
      expect(documentText(a.doc)).toBe(documentText(b.doc));
      expect(documentText(a.doc).split('\n')).toHaveLength(41);
    });
    a.provider.destroy();
    b.provider.destroy();
  });

  it('gives each fresh client the document as it stands, edits since the last one joined included', async () => {
    const writer = openProvider(t.server.url, room, peru);
    await waitForSync(writer.provider);
    for (let i = 0; i < 3; i++) {
      appendParagraph(writer.doc, `joined after edit ${i}`);
      const expected = documentText(writer.doc);
      await eventually(async () => {
        const fresh = openProvider(t.server.url, room, mexico);
        try {
          await waitForSync(fresh.provider);
          expect(documentText(fresh.doc)).toBe(expected);
        } finally {
          fresh.provider.destroy();
        }
      });
    }
    writer.provider.destroy();
  });
});
