import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentHost } from '../../lib/documents/live-documents';
import { exportPlan } from '../../lib/export/export-plan';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { actOnAmendment } from '../../lib/negotiation/act-on-amendment';
import { proposeAmendment } from '../../lib/negotiation/propose-amendment';
import { recordReservation } from '../../lib/negotiation/record-reservation';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { demoPlan } from '../helpers/demo-plan';
import { appendRichText, RICH_PASSAGE } from '../helpers/rich-text';

/**
 * The schema the export is checked against, shipped in the repository (schemas/akn/README.md says what it
 * is); AKN_SCHEMA names another, such as OASIS's complete akomantoso30.xsd, to check against that too.
 */
const SCHEMA = process.env.AKN_SCHEMA ?? path.resolve(__dirname, '../../schemas/akn/akomantoso30-subset.xsd');
const XMLLINT = '/usr/bin/xmllint';

const METADATA = {
  council: 'Permanent Council of the Organization of American States',
  committee: 'Committee on Hemispheric Security',
  workingGroup: '',
  symbol: 'OEA/Ser.G CP/CSH-2271/26',
  date: '2026-11-26',
  originalLanguage: 'en' as const,
};
const AGREED = 'States shall train police officers in human rights.';
const CANADA_SAYS = 'Canada cannot accept a binding obligation on training & <certification>.';

/** Whether xmllint says the document is valid against `schema`; its complaints when not. */
function validate(xml: string, schema = SCHEMA): { valid: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'concordia-akn-'));
  try {
    const file = path.join(dir, 'plan.xml');
    writeFileSync(file, xml);
    // xmllint says "<file> validates" (or why not) on standard error, and exits 0 only when valid.
    const run = spawnSync(XMLLINT, ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function xmllintAvailable(): boolean {
  if (existsSync(XMLLINT)) return true;
  if (process.env.CI) throw new Error("CI=true but xmllint is missing: install Debian's libxml2-utils package");
  console.warn('Skipping Akoma Ntoso validation: xmllint not found (apt-get install libxml2-utils).');
  return false;
}

describe.runIf(xmllintAvailable())('Akoma Ntoso export', () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let peru: BuiltMember, canada: BuiltMember, observer: BuiltMember;

  const akn = async (planId: string, language?: string) => {
    const file = await exportPlan(t.db, { userId: observer.id, planId, format: 'akn', language });
    return { ...file, text: Buffer.from(file.body).toString('utf8') };
  };

  beforeAll(async () => {
    plan = await buildPlan(t.db, {
      phase: 'consolidation',
      title: 'Hemispheric Plan of Action on Citizen Security',
      goal: ['To give the member states a common agenda.'],
    });
    peru = await buildMember(t.db, { plan, state: 'PER' });
    canada = await buildMember(t.db, { plan, state: 'CAN' });
    const mexico = await buildMember(t.db, { plan, state: 'MEX' });
    const brazil = await buildMember(t.db, { plan, state: 'BRA' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    await buildSection(t.db, { plan, lead: canada, title: 'Prevention', text: ['Canada opens the plan.'] });
    const police = await buildSection(t.db, {
      plan,
      lead: peru,
      coEditors: [mexico],
      title: 'Police <training> & standards',
      text: ['Peru introduces the section.', AGREED],
    });
    await appendRichText(police.room, peru.id, RICH_PASSAGE);
    await appendRichText(police.room, plan.chair.id, [
      {
        type: 'paragraph',
        attrs: { cosponsors: ['Mexico', 'Peru'] },
        content: [{ type: 'text', text: 'Municipal prevention programmes.' }],
      },
    ]);
    await buildSection(t.db, { plan, lead: 'JAM', title: 'Empty for now' });
    await updatePlanMetadata(t.db, { userId: plan.chair.id, planId: plan.id, metadata: METADATA });

    const place = (words: string) =>
      documentHost().read(police.room, (doc) => {
        const text = doc
          .getXmlFragment(EDITOR_FIELD)
          .toArray()
          .map((p) => (p as Y.XmlElement).get(0))
          .find((x): x is Y.XmlText => x instanceof Y.XmlText && x.toString().includes(words))!;
        const at = text.toString().indexOf(words);
        const encode = (index: number, assoc: number) =>
          Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString(
            'base64',
          );
        return { from: encode(at, 0), to: encode(at + words.length, -1) };
      });
    const amendment = await proposeAmendment(t.db, {
      userId: mexico.id,
      sectionId: police.id,
      input: { kind: 'replace', ...(await place('introduces')), text: 'presents', justification: 'Plainer.' },
    });
    await actOnAmendment(t.db, { userId: brazil.id, amendmentId: amendment.id, action: { action: 'cosponsor' } });
    await setParagraphStatus(t.db, {
      userId: plan.chair.id,
      sectionId: police.id,
      input: { at: (await place(AGREED)).from, status: 'agreed', adRefStates: [] },
    });
    await recordReservation(t.db, {
      userId: canada.id,
      sectionId: police.id,
      input: { at: (await place(AGREED)).from, text: CANADA_SAYS },
    });
  });

  it('is valid against the schema, with amendments, reservations, lists and tables, in every language', async () => {
    for (const language of ['en', 'es', 'pt', 'fr']) {
      const file = await akn(plan.id, language);
      const result = validate(file.text);
      expect(result.output).toMatch(/validates/);
      expect(result.valid).toBe(true);
    }
    const file = await akn(plan.id);
    // The check bites: without its metadata, or with two paragraphs of one eId, the document is refused.
    expect(validate(file.text.replace(/<meta>[\s\S]*<\/meta>/, '')).valid).toBe(false);
    expect(validate(file.text.replace('eId="sec_2__para_2"', 'eId="sec_2__para_1"')).valid).toBe(false);
    expect(file.contentType).toBe('application/akn+xml');
    expect(file.fileName).toBe('OEA-Ser.G-CP-CSH-2271-26_2026-11-26.xml');
  });

  it('carries the document block, numbered paragraphs with eIds, sponsorship and reservations as authorial notes', async () => {
    const { text } = await akn(plan.id);
    expect(text).toContain('<doc name="planOfAction">');
    expect(text).toContain('<FRBRuri value="/akn/oas/doc/planOfAction/2026-11-26/OEA-Ser-G-CP-CSH-2271-26"/>');
    expect(text).toContain('<FRBRnumber value="OEA/Ser.G CP/CSH-2271/26"/>');
    expect(text).toContain('<FRBRlanguage language="eng"/>');
    expect(text).toContain(
      '<docAuthority refersTo="#council">PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES</docAuthority>',
    );
    expect(text).toContain('<docCommittee refersTo="#committee">COMMITTEE ON HEMISPHERIC SECURITY</docCommittee>');
    expect(text).toContain('<docDate date="2026-11-26">26 November 2026</docDate>');
    expect(text).toContain('<docTitle>Hemispheric Plan of Action on Citizen Security</docTitle>');
    expect(text).toContain(
      '<TLCOrganization eId="state_per" href="/ontology/organization/oas/memberState/PER" showAs="Peru"/>',
    );
    expect(text).toContain('<c:sponsorship section="#sec_2" lead="#state_per" coEditing="#state_mex"/>');
    // Section 2: its heading escaped, its numbered paragraphs with their numbers as eIds.
    expect(text).toContain('<section eId="sec_2"');
    expect(text).toContain('<heading>Police &lt;training&gt; &amp; standards</heading>');
    expect(text).toContain('<paragraph eId="sec_2__para_1"><num>2.1</num>');
    expect(text).toMatch(
      /<paragraph eId="sec_2__para_2"><num>2\.2<\/num><content><p>States shall train police officers in human rights\.<authorialNote marker="1" placement="bottom" eId="sec_2__para_2__authorialNote_1"><p>The delegation of Canada reserves its position on paragraph 2\.2: Canada cannot accept a binding obligation on training &amp; &lt;certification&gt;\.<\/p><\/authorialNote><\/p>/,
    );
    expect(text).toContain('<crossHeading eId="sec_2__crossHeading_1">Training standards</crossHeading>');
    expect(text).toContain('<b>binding</b>');
    expect(text).toContain('<a href="https://www.oas.org/">the OAS site</a>');
    expect(text).toMatch(/<table><tr><th><p>Measure<\/p><\/th>/);
    expect(text).toContain('Co-sponsored by Mexico and Peru');
    // The pending amendment, its sponsor and co-sponsor, in the annex.
    expect(text).toMatch(
      /<hcontainer name="amendmentsAnnex" eId="hcontainer_annex_2">.*<td><p>Mexico<\/p><\/td><td><p>Brazil<\/p><\/td>/s,
    );
    expect(text).toContain('<section eId="sec_3" GUID=');
  });

  it('validates for a plan without a document block, amendments or reservations', async () => {
    const bare = await buildPlan(t.db, { title: 'Bare plan' });
    await buildSection(t.db, { plan: bare, lead: 'PER', text: ['One paragraph.'] });
    const reader = await buildMember(t.db, { plan: bare, role: 'observer' });
    const file = await exportPlan(t.db, { userId: reader.id, planId: bare.id, format: 'akn' });
    const result = validate(Buffer.from(file.body).toString('utf8'));
    expect(result.output).toMatch(/validates/);
  });
});

describe.runIf(xmllintAvailable())('the seeded demo plan', () => {
  const t = useCollabServer({ SEED_DEMO: 'true' });

  it('has its document block, names its files by it, and exports valid Akoma Ntoso', async () => {
    const demo = await demoPlan(t.db);
    const as = (format: string) => exportPlan(t.db, { userId: demo.ids.observer, planId: demo.planId, format });
    const docx = await as('docx');
    expect(docx.fileName).toBe('OEA-Ser.G-CP-CSH-2271-26_2026-11-26.docx');
    const html = Buffer.from((await as('html')).body).toString('utf8');
    for (const line of [
      'PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES',
      'COMMITTEE ON HEMISPHERIC SECURITY',
    ])
      expect(html).toContain(`<p>${line}</p>`);
    // Drafted in Spanish, the demo plan is in English: the words around its text are English.
    expect(html).toContain('<p>Original: Spanish</p>');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Goal of the plan');
    const akn = await as('akn');
    expect(akn.fileName).toBe('OEA-Ser.G-CP-CSH-2271-26_2026-11-26.xml');
    const xml = Buffer.from(akn.body).toString('utf8');
    const result = validate(xml);
    expect(result.output).toMatch(/validates/);
    expect(result.valid).toBe(true);
    // The expression is the English text.
    expect(xml).toMatch(/<FRBRlanguage language="eng"\/>/);
  });
});
