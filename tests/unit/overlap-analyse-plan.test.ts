import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translationConfig } from '../../lib/env';
import { analysePlan, findOverlaps, preparePlan, type PlanSection } from '../../lib/overlap';
import { createTranslator } from '../../lib/translation';
import { apertiumAvailable } from '../helpers/apertium';

const peru =
  'Ampliar el uso de medidas alternativas a la prisión preventiva, como la vigilancia electrónica y la comparecencia periódica, con el fin de reducir el hacinamiento carcelario.';
const canada =
  'Reduce prison overcrowding by using alternatives to preventive detention, such as electronic monitoring and periodic appearance before the court.';
const mexico =
  'Ampliar las medidas alternativas a la prisión preventiva, como la vigilancia electrónica y la comparecencia periódica, para reducir el hacinamiento en las cárceles.';
const haiti =
  "Réduire la surpopulation carcérale en remplaçant la détention provisoire par la surveillance électronique et l'obligation de se présenter régulièrement au tribunal.";

const sections: PlanSection[] = [
  { id: 'peru', lang: 'es', paragraphs: [peru] },
  { id: 'canada', lang: 'en', paragraphs: [canada, haiti] },
  { id: 'mexico', paragraphs: [mexico] },
];
const pair = (a: string, x: number, b: string, y: number) => ({
  a: { section: a, paragraph: x },
  b: { section: b, paragraph: y },
});

describe('analysePlan without Apertium', () => {
  it('finds same-language overlaps and says that cross-language detection is off, and why', async () => {
    const off = createTranslator({ config: translationConfig({ TRANSLATION: 'off' }) });
    const { overlaps, crossLanguage } = await analysePlan({ sections }, { translator: off });
    expect(overlaps.map(({ a, b }) => ({ a, b }))).toEqual([pair('mexico', 0, 'peru', 0)]);
    expect(crossLanguage).toEqual({ available: false, reason: expect.stringMatching(/TRANSLATION=off/) });
  });

  it('names the package to install when Apertium or a pair is missing', async () => {
    const missing = createTranslator({
      config: { ...translationConfig({}), APERTIUM_MODES_DIR: mkdtempSync(path.join(tmpdir(), 'no-apertium-')) },
    });
    const { crossLanguage } = await analysePlan({ sections }, { translator: missing });
    expect(crossLanguage).toEqual({ available: false, reason: expect.stringMatching(/apt-get install apertium/) });
  });
});

describe.runIf(apertiumAvailable())('analysePlan with Apertium', () => {
  const translator = createTranslator({ config: translationConfig({}) });
  afterAll(() => translator.close());

  it("finds a Spanish proposal's English and French paraphrases, the French one in a section declared English", async () => {
    const { overlaps, crossLanguage } = await analysePlan({ sections }, { translator });
    expect(crossLanguage).toEqual({ available: true });
    expect(
      overlaps.map(({ a, b }) => ({ a, b })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual(
      [
        pair('canada', 0, 'mexico', 0),
        pair('canada', 0, 'peru', 0),
        pair('canada', 1, 'mexico', 0),
        pair('canada', 1, 'peru', 0),
        pair('mexico', 0, 'peru', 0),
      ].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    );
  });

  it('prepares each paragraph with its language and its translations into Spanish and English', async () => {
    const prepared = await preparePlan({ sections }, translator);
    const [english, french] = prepared.sections[1]!.paragraphs;
    expect(english).toMatchObject({ language: 'en', translations: { es: expect.stringMatching(/prisión|detención/) } });
    expect(french).toMatchObject({ language: 'fr', translations: { es: expect.any(String), en: expect.any(String) } });
    // The index given the prepared plan finds what analysePlan finds.
    expect(findOverlaps(prepared)).toEqual((await analysePlan({ sections }, { translator })).overlaps);
  });
});
