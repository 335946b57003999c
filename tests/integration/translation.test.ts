import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../db/schema';
import { translationConfig } from '../../lib/env';
import { createTranslator, postgresStore, type Translator } from '../../lib/translation';
import { ApertiumPipeline } from '../../lib/translation/apertium-pipeline';
import { apertiumAvailable } from '../helpers/apertium';
import { useDatabase } from '../helpers/database-fixture';

const config = translationConfig({});

describe.runIf(apertiumAvailable())('machine translation with Apertium', () => {
  let translator: Translator;
  beforeAll(() => {
    translator = createTranslator({ config });
  });
  afterAll(() => translator.close());

  it.each([
    ['en', 'es', 'Member States shall train police officers in human rights.', /policía|policial/],
    ['es', 'en', 'Los Estados miembros capacitarán a la policía en derechos humanos.', /police/],
    ['pt', 'es', 'Os Estados membros devem capacitar a polícia em direitos humanos.', /derechos humanos/],
    ['es', 'pt', 'Los Estados miembros capacitarán a la policía en derechos humanos.', /direitos humanos/],
    ['fr', 'es', 'Les États membres formeront la police aux droits de la personne.', /policía/],
    ['es', 'fr', 'Los Estados miembros capacitarán a la policía en derechos humanos.', /droits/],
    ['en', 'pt', 'Member States shall train police officers in human rights.', /polícia|policiais/],
    ['fr', 'en', 'Les États membres renforceront la coopération judiciaire.', /cooperation/],
  ] as const)(
    'translates %s to %s (through Spanish when there is no direct pair)',
    async (from, to, text, expected) => {
      expect(await translator.status(from, to)).toEqual({ available: true });
      const [translated] = await translator.translate([text], from, to);
      expect(translated).toMatch(expected);
    },
  );

  it('keeps the order and number of a large batch, whatever characters the paragraphs hold', async () => {
    const texts = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0
        ? `Paragraph ${i}: [brackets] ^caret$ a/b @handle <tag> {brace} ~tilde \\ back\u0000slash.`
        : `The ${i} municipalities will fund ${i} shelters.`,
    );
    const out = await translator.translate(texts, 'en', 'es');
    expect(out).toHaveLength(texts.length);
    out.forEach((text, i) => expect(text).toContain(String(i)));
    // Apertium may reorder the words, but every character that means something to it comes back as typed.
    for (const c of '[]^$/@<>{}~\\') expect(out[0]).toContain(c);
    expect(out[0]).not.toMatch(/\\[[\]^$/@<>{}]/);
  });

  it('leaves no mark on words it does not know', async () => {
    const [out] = await translator.translate(['The Xqzwv commission of CICAD will meet.'], 'en', 'es');
    expect(out).toContain('Xqzwv');
    expect(out).toContain('CICAD');
    expect(out).not.toMatch(/[*#@]/);
  });

  it('answers repeated paragraphs from memory', async () => {
    const text = 'Ministries of health will publish waiting times every month.';
    const [first] = await translator.translate([text], 'en', 'es');
    const start = performance.now();
    const again = await translator.translate(
      Array.from({ length: 1000 }, () => text),
      'en',
      'es',
    );
    expect(again.every((t) => t === first)).toBe(true);
    // From memory, not through Apertium: a thousand paragraphs there would take seconds.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe.runIf(apertiumAvailable())('translations kept in Postgres', () => {
  const database = useDatabase();

  it('are not translated again by a restarted server, even one that has lost Apertium', async () => {
    const texts = [
      'Member States shall map the routes of migrant smuggling.',
      'Os Estados membros devem mapear as rotas.',
    ];
    const first = createTranslator({ config, store: postgresStore(database.db) });
    const [en] = await first.translate([texts[0]!], 'en', 'es');
    const [pt] = await first.translate([texts[1]!], 'pt', 'es');
    first.close();
    expect(await database.db.select().from(translations)).toHaveLength(2);

    const restarted = createTranslator({
      config: { ...config, APERTIUM_MODES_DIR: mkdtempSync(path.join(tmpdir(), 'no-apertium-')) },
      store: postgresStore(database.db),
    });
    expect(await restarted.translate([texts[0]!], 'en', 'es')).toEqual([en]);
    expect(await restarted.translate([texts[1]!], 'pt', 'es')).toEqual([pt]);
    await expect(restarted.translate(['Something new.'], 'en', 'es')).rejects.toThrow(/apertium-eng-spa/);
    restarted.close();
  });
});

describe('without Apertium', () => {
  it('says that translation is off and why when TRANSLATION=off', async () => {
    const off = createTranslator({ config: translationConfig({ TRANSLATION: 'off' }) });
    expect(await off.status('en', 'es')).toEqual({
      available: false,
      cause: 'off',
      reason: expect.stringMatching(/TRANSLATION=off/),
    });
    await expect(off.translate(['Hello.'], 'en', 'es')).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/turned off/),
    });
    // Nothing to translate between equal languages, with or without Apertium.
    expect(await off.translate(['Hola.'], 'es', 'es')).toEqual(['Hola.']);
  });

  it('names the package to install when a pair is missing', async () => {
    const missing = createTranslator({
      config: { ...config, APERTIUM_MODES_DIR: mkdtempSync(path.join(tmpdir(), 'no-apertium-')) },
    });
    const status = await missing.status('fr', 'en');
    expect(status.available).toBe(false);
    expect(status.available === false && status.reason).toMatch(
      /apt-get install (apertium-fr-es|apertium apertium-eng-spa)/,
    );
  });

  it('fails the waiting paragraphs of a pipeline that stops answering, and starts a fresh one next time', async () => {
    // A "pipeline" that reads and never answers, then one that echoes each chunk back as it came.
    const stuck = new ApertiumPipeline({ script: 'cat > /dev/null', stallMs: 200, idleMs: 60_000 });
    await expect(stuck.translate(['one', 'two'])).rejects.toThrow(/returned nothing for 200 ms/);
    const echo = new ApertiumPipeline({ script: 'cat', stallMs: 2000, idleMs: 60_000 });
    expect(await echo.translate(['one', 'two [x]'])).toEqual(['one', 'two [x]']);
    echo.close();
    const dead = new ApertiumPipeline({ script: 'echo broken >&2; exit 3', stallMs: 2000, idleMs: 60_000 });
    await expect(dead.translate(['one'])).rejects.toThrow(/Apertium stopped: broken/);
  });
});
