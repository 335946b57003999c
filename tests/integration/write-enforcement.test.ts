import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { XmlElement, XmlText } from 'yjs';
import { plans, sections } from '../../db/schema';
import { documentText } from '../../lib/documents/paragraphs';
import { removeMember } from '../../lib/plans/remove-member';
import { updateSection } from '../../lib/plans/sections';
import { CloseCode } from '../../lib/shared/close-codes';
import { ACCESS_MESSAGE, readAccessMessage } from '../../lib/shared/app-messages';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, upgradeStatus, waitForSync } from '../helpers/provider';
import { openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';

describe('writes the permission table forbids never reach anyone', () => {
  const t = useCollabServer();

  beforeEach(async () => {
    const db = t.server.database.db;
    await db.update(plans).set({ phase: 'drafting' }).where(eq(plans.id, t.plan.planId));
    await db.update(sections).set({ frozen: false }).where(eq(sections.planId, t.plan.planId));
  });

  /** Sends a forbidden paragraph both ways a client can, then proves a legitimate edit after it got through while the forbidden one did not. */
  async function attempt(room: string, attacker: string, witness: string, label: string) {
    const watcher = openProvider(t.server.url, room, witness);
    await waitForSync(watcher.provider);
    const raw = await openRawClient(t.server.url, room, attacker);
    raw.sendUpdate(`${label} via update`);
    raw.sendSyncStep2(`${label} via sync step 2`);
    await new Promise((r) => setTimeout(r, 300));
    await t.server.collab.flush();
    const seen = documentText(watcher.doc);
    const stored = await storedText(t.server.database.db, room);
    raw.close();
    watcher.provider.destroy();
    return { seen, stored };
  }

  it("drops an observer's writes", async () => {
    const { seen, stored } = await attempt(t.plan.police.room, t.plan.cookies.observer, t.plan.cookies.peru, 'observer');
    expect(seen).not.toContain('observer via');
    expect(stored).not.toContain('observer via');
    expect(stored).toContain('Peru proposes');
  });

  it("drops a coordinator's writes to another state's section", async () => {
    const { seen, stored } = await attempt(t.plan.victims.room, t.plan.cookies.peru, t.plan.cookies.brazil, 'peru in brazil');
    expect(seen).not.toContain('peru in brazil');
    expect(stored).not.toContain('peru in brazil');
  });

  it('drops section writes during the goal phase, even by the lead state', async () => {
    await t.server.database.db.update(plans).set({ phase: 'goal' }).where(eq(plans.id, t.plan.planId));
    const { seen, stored } = await attempt(t.plan.police.room, t.plan.cookies.peru, t.plan.cookies.chair, 'goal phase');
    expect(seen).not.toContain('goal phase');
    expect(stored).not.toContain('goal phase');
  });

  it('drops writes to a frozen section', async () => {
    await t.server.database.db.update(sections).set({ frozen: true }).where(eq(sections.id, t.plan.police.id));
    const { seen, stored } = await attempt(t.plan.police.room, t.plan.cookies.mexico, t.plan.cookies.chair, 'frozen');
    expect(seen).not.toContain('frozen');
    expect(stored).not.toContain('frozen');
  });

  it('accepts the same raw messages from a coordinator of the section (the test can fail)', async () => {
    const { seen, stored } = await attempt(t.plan.police.room, t.plan.cookies.mexico, t.plan.cookies.chair, 'mexico allowed');
    expect(seen).toContain('mexico allowed via update');
    expect(stored).toContain('mexico allowed via sync step 2');
  });

  it('downgrades an open connection when the chair removes its state from the section', async () => {
    const db = t.server.database.db;
    const mexico = openProvider(t.server.url, t.plan.police.room, t.plan.cookies.mexico);
    const peru = openProvider(t.server.url, t.plan.police.room, t.plan.cookies.peru);
    await Promise.all([waitForSync(mexico.provider), waitForSync(peru.provider)]);
    const accessMessages: string[] = [];
    mexico.provider.messageHandlers[ACCESS_MESSAGE] = (_e: unknown, decoder: Parameters<typeof readAccessMessage>[0]) => {
      accessMessages.push(readAccessMessage(decoder));
    };

    const before = mexico.doc.getXmlFragment('default');
    const p1 = new XmlElement('paragraph');
    p1.insert(0, [new XmlText('Mexico before removal')]);
    before.push([p1]);
    await eventually(() => expect(documentText(peru.doc)).toContain('Mexico before removal'));

    await updateSection(db, { actorId: t.plan.ids.chair, sectionId: t.plan.police.id, input: { coEditingStates: [] } });
    await eventually(() => expect(accessMessages).toContain('read'), 2_000);

    const p2 = new XmlElement('paragraph');
    p2.insert(0, [new XmlText('Mexico after removal')]);
    before.push([p2]);
    await new Promise((r) => setTimeout(r, 300));
    await t.server.collab.flush();
    expect(documentText(peru.doc)).toContain('Mexico before removal');
    expect(documentText(peru.doc)).not.toContain('Mexico after removal');
    expect(await storedText(db, t.plan.police.room)).not.toContain('Mexico after removal');

    await updateSection(db, { actorId: t.plan.ids.chair, sectionId: t.plan.police.id, input: { coEditingStates: ['MEX'] } });
    await eventually(() => expect(accessMessages.at(-1)).toBe('write'), 2_000);
    mexico.provider.destroy();
    peru.provider.destroy();
  });

  it("closes a removed member's open sockets within 2 seconds", async () => {
    const raw = await openRawClient(t.server.url, t.plan.prevention.room, t.plan.cookies.canada);
    await removeMember(t.server.database.db, { actorId: t.plan.ids.chair, planId: t.plan.planId, userId: t.plan.ids.canada });
    const code = await Promise.race([raw.closed, new Promise((r) => setTimeout(() => r('still open'), 2_000))]);
    expect(code).toBe(CloseCode.Forbidden);
    expect(await upgradeStatus(t.server.url, t.plan.prevention.room, t.plan.cookies.canada)).toBe(403);
  });
});
