import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../../lib/export/export-plan';
import { closePdfBrowsers } from '../../lib/export/to-pdf';
import { updatePlanMetadata } from '../../lib/metadata/update-plan-metadata';
import { buildMember, buildPlan, buildSection, type BuiltMember, type BuiltPlan } from '../factories';
import { browserAvailable } from '../helpers/browser';
import { useCollabServer } from '../helpers/collab-fixture';
import { pdfToolsAvailable, readPdf, zipParts } from '../helpers/exported-files';
import { appendRichText } from '../helpers/rich-text';

const METADATA = {
  council: 'Consejo Permanente de la Organización de los Estados Americanos',
  committee: 'Comisión de Seguridad Hemisférica',
  workingGroup: 'Grupo de Trabajo sobre Seguridad Ciudadana',
  symbol: 'OEA/Ser.G CSH/GT/DSS-4/11',
  date: '2026-11-26',
  originalLanguage: 'es' as const,
};

const text = (file: { body: Uint8Array }) => Buffer.from(file.body).toString('utf8');

/** The fixed words of an export in each language, as a reader of that language expects them. */
const SPANISH = {
  goal: 'Objetivo del plan',
  lead: 'Estado responsable: Perú · Coedición: Brasil y México',
  date: '26 de noviembre de 2026',
  original: 'Original: español',
  cosponsored: 'Copatrocinado por México y Perú',
  annex: 'Anexo: contribuciones por Estado',
  page: (page: number, pages: number) => `Página ${page} de ${pages}`,
};
// French puts a no-break space before a colon.
const FRENCH = {
  goal: 'Objectif du plan',
  lead: 'État responsable\u00a0: Pérou · Corédaction\u00a0: Brésil et Mexique',
  date: '26 novembre 2026',
  original: 'Original\u00a0: espagnol',
  cosponsored: 'Coparrainé par Mexique et Pérou',
  annex: 'Annexe\u00a0: contributions par État',
  page: (page: number, pages: number) => `Page ${page} sur ${pages}`,
};
const ENGLISH_WORDS = [
  'Goal of the plan',
  'Lead state',
  'Co-editing',
  'Original: Spanish',
  'Co-sponsored',
  'November',
  'Page 1 of',
  'Annex',
];

describe("exports in the plan's language", () => {
  const t = useCollabServer();
  let plan: BuiltPlan;
  let observer: BuiltMember;

  beforeAll(async () => {
    plan = await buildPlan(t.db, {
      title: 'Plan de Acción Hemisférico sobre Seguridad Ciudadana',
      goal: ['Dar a los Estados Miembros una agenda común.'],
    });
    const peru = await buildMember(t.db, { plan, state: 'PER' });
    observer = await buildMember(t.db, { plan, role: 'observer' });
    const section = await buildSection(t.db, {
      plan,
      title: 'Profesionalización policial',
      lead: peru,
      coEditors: ['MEX', 'BRA'],
      text: ['El Perú propone un currículo regional.'],
    });
    // A paragraph the chair merged: its co-sponsors are stored by their English names.
    await appendRichText(section.room, plan.chair.id, [
      {
        type: 'paragraph',
        attrs: { cosponsors: ['Mexico', 'Peru'] },
        content: [{ type: 'text', text: 'Programas municipales de prevención.' }],
      },
    ]);
    await updatePlanMetadata(t.db, { userId: plan.chair.id, planId: plan.id, metadata: METADATA });
  });

  afterAll(closePdfBrowsers);

  const exportAs = (format: string, language?: string) =>
    exportPlan(t.db, { userId: observer.id, planId: plan.id, format, annex: true, language });

  const spanishFixedText = [
    SPANISH.goal,
    SPANISH.lead,
    SPANISH.date,
    SPANISH.original,
    SPANISH.cosponsored,
    SPANISH.annex,
  ];

  it('HTML and Markdown of a Spanish plan carry Spanish fixed text, and the HTML says lang="es"', async () => {
    const html = text(await exportAs('html'));
    expect(html).toContain('<html lang="es">');
    for (const words of spanishFixedText) expect(html).toContain(words);
    expect(html).toContain('content: "Página " counter(page) " de " counter(pages)');
    expect(html).toMatch(/Perú \d+\s%/);
    for (const words of ENGLISH_WORDS) expect(html).not.toContain(words);

    const md = text(await exportAs('md'));
    for (const words of spanishFixedText) expect(md).toContain(words);
    for (const words of ENGLISH_WORDS) expect(md).not.toContain(words);
  });

  it("DOCX of a Spanish plan carries Spanish fixed text and Spanish as Word's proofing language", async () => {
    const file = await exportAs('docx');
    const document = await zipParts(file.body, /^word\/document\.xml$/);
    for (const words of [SPANISH.goal, SPANISH.lead, SPANISH.date, SPANISH.original, SPANISH.annex])
      expect(document).toContain(words);
    for (const words of ENGLISH_WORDS) expect(document).not.toContain(words);
    expect(await zipParts(file.body, /^word\/styles\.xml$/)).toMatch(/<w:lang w:val="es-ES"\/>/);
    const footer = await zipParts(file.body, /^word\/footer\d*\.xml$/);
    expect(footer).toContain('>Página </w:t>');
    expect(footer).toContain('> de </w:t>');
  });

  it.runIf(browserAvailable() && pdfToolsAvailable())(
    'PDF of a Spanish plan carries Spanish fixed text and page numbers',
    async () => {
      const pdf = readPdf((await exportAs('pdf')).body);
      for (const words of [SPANISH.goal, SPANISH.date, SPANISH.original, SPANISH.annex, SPANISH.page(1, pdf.pages)])
        expect(pdf.text).toContain(words);
      for (const words of ENGLISH_WORDS) expect(pdf.text).not.toContain(words);
    },
  );

  it('?lang=fr exports the same plan with French fixed text in every format', async () => {
    const html = text(await exportAs('html', 'fr'));
    expect(html).toContain('<html lang="fr">');
    for (const words of [FRENCH.goal, FRENCH.lead, FRENCH.date, FRENCH.original, FRENCH.cosponsored, FRENCH.annex])
      expect(html).toContain(words);
    // The text is the plan's own, whatever the language of the words around it.
    expect(html).toContain('El Perú propone un currículo regional.');

    const md = text(await exportAs('md', 'fr'));
    for (const words of [FRENCH.goal, FRENCH.lead, FRENCH.original, FRENCH.cosponsored]) expect(md).toContain(words);

    const docx = await exportAs('docx', 'fr');
    expect(await zipParts(docx.body, /^word\/document\.xml$/)).toContain(FRENCH.lead);
    expect(await zipParts(docx.body, /^word\/styles\.xml$/)).toMatch(/<w:lang w:val="fr-FR"\/>/);

    if (browserAvailable() && pdfToolsAvailable()) {
      const pdf = readPdf((await exportAs('pdf', 'fr')).body);
      expect(pdf.text).toContain(FRENCH.goal);
      expect(pdf.text).toContain(FRENCH.page(1, pdf.pages));
    }
  });

  it('refuses a language that is not one of the four', async () => {
    for (const language of ['de', 'ES', 'es-419', ''])
      await expect(exportAs('html', language)).rejects.toMatchObject({ code: 'invalid' });
  });
});
