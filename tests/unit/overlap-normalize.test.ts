import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../lib/overlap/features';
import { detectLanguage, type Language } from '../../lib/overlap/language';
import { normalize } from '../../lib/overlap/normalize';
import { stem } from '../../lib/overlap/stem';

const stems = (words: string, language: Language) => new Set(normalize(words).map((word) => stem(word, language)));
const sequence = (text: string) => extractFeatures(text)?.sequence;

describe('normalize', () => {
  it('lower-cases, drops accents and splits on punctuation', () => {
    expect(normalize('Capacitación de la POLICÍA: ¿derechos humanos?')).toEqual([
      'capacitacion',
      'de',
      'la',
      'policia',
      'derechos',
      'humanos',
    ]);
    expect(normalize('Atenção às vítimas; condições.')).toEqual(['atencao', 'as', 'vitimas', 'condicoes']);
    expect(normalize('A 24-hour hotline (free).')).toEqual(['a', '24', 'hour', 'hotline', 'free']);
  });

  it('gives the same tokens with and without accents, and for precomposed and decomposed letters', () => {
    expect(normalize('capacitación policía')).toEqual(normalize('capacitacion policia'));
    expect(normalize('se\u0301curite\u0301')).toEqual(normalize('sécurité'));
  });

  it('splits French elisions and expands ligatures', () => {
    expect(normalize("l'homme d'armes")).toEqual(['l', 'homme', 'd', 'armes']);
    expect(normalize('mise en œuvre')).toEqual(['mise', 'en', 'oeuvre']);
  });
});

describe('detectLanguage', () => {
  it.each<[Language, string]>([
    ['en', 'Train the police officers in the use of force and in human rights.'],
    ['es', 'Capacitar a los agentes de la policía en el uso de la fuerza y en derechos humanos.'],
    ['pt', 'Capacitar os policiais no uso da força e em direitos humanos, com cursos anuais.'],
    ['fr', "Former les policiers à l'usage de la force et aux droits de l'homme dans chaque pays."],
  ])('recognises %s', (language, text) => {
    expect(detectLanguage(normalize(text))).toBe(language);
  });

  it('falls back to English when there is no stop word at all', () => {
    expect(detectLanguage(normalize('Firearms trafficking'))).toBe('en');
  });
});

describe('stop words', () => {
  it('are left out of the terms, in each language', () => {
    expect(sequence('Train the police in the use of force.')).toEqual(['train', 'polic', 'use', 'forc']);
    expect(sequence('Capacitar a la policía en el uso de la fuerza.')).toEqual(['capacit', 'polici', 'uso', 'fuerz']);
    expect(sequence('Capacitar a polícia no uso da força.')).toEqual(['capacit', 'polici', 'uso', 'forc']);
    expect(sequence("Former la police à l'usage de la force.")).toEqual(['form', 'polic', 'usag', 'forc']);
  });

  it('make a paragraph with too few content words not worth comparing', () => {
    expect(extractFeatures('See above.')).toBeNull();
    expect(extractFeatures('')).toBeNull();
  });

  it('weigh generic plan vocabulary less than the words that say what is proposed', () => {
    const terms = extractFeatures('Member States shall establish a national registry of firearms.')?.terms;
    const content = terms?.get('en:firearm') ?? 0;
    expect(content).toBeGreaterThan(0);
    expect(terms?.get('en:registry')).toBe(content);
    expect(terms?.get('en:establish')).toBe(content / 4);
    expect(terms?.get(`en:${stem('national', 'en')}`)).toBe(content / 4);
  });
});

describe('stem', () => {
  it.each<[Language, string]>([
    ['en', 'train training trained trains'],
    ['en', 'victim victims'],
    ['en', 'investigate investigation investigated'],
    ['en', 'refer referred referring'],
    ['en', 'staff staffs staffed'],
    ['en', 'community communities'],
    ['es', 'capacitar capacitación capacitado capacitados'],
    ['es', 'víctima víctimas'],
    ['es', 'policía policías policial policiales'],
    ['es', 'fortalecer fortalecimiento'],
    ['es', 'registro registros registrar'],
    ['pt', 'capacitação capacitar capacitado'],
    ['pt', 'polícia policiais policial'],
    ['pt', 'condição condições'],
    ['fr', 'formation former formations'],
    ['fr', 'police policiers policier'],
    ['fr', 'national nationaux nationales'],
  ])('brings %s forms together: %s', (language, words) => {
    expect(stems(words, language).size).toBe(1);
  });

  it('keeps apart words that only look alike', () => {
    expect(stem('police', 'en')).not.toBe(stem('policies', 'en'));
    expect(stem('office', 'en')).not.toBe(stem('officers', 'en'));
  });

  it('leaves short words and protected endings alone', () => {
    expect(stem('uso', 'es')).toBe('uso');
    expect(stem('use', 'en')).toBe('use');
    expect(stem('process', 'en')).toBe('process');
    expect(stem('analysis', 'en')).toBe('analysis');
  });
});
