import { describe, expect, it } from 'vitest';
import { detectParagraphLanguage } from '../../lib/overlap';
import { loadEvalPlans } from '../helpers/overlap-eval';

/** Every paragraph of the evaluation plans with its language (Canada's mixed section: the French ones are French). */
const paragraphs = loadEvalPlans().flatMap((plan) =>
  plan.sections.flatMap((section) =>
    section.paragraphs.map((p) => ({
      text: p.text,
      lang: section.lang === 'en' && /\b(les|des|du|qui|sont)\b/.test(p.text) ? 'fr' : section.lang,
    })),
  ),
);
const firstWords = (text: string, n: number) => text.split(/\s+/).slice(0, n).join(' ');
const accuracy = (words: number) =>
  paragraphs.filter((p) => detectParagraphLanguage(firstWords(p.text, words)) === p.lang).length / paragraphs.length;

describe('the language of a paragraph', () => {
  it('is recognised on whole paragraphs, and on their first five words nearly always, Spanish and Portuguese included', () => {
    expect(paragraphs.length).toBeGreaterThan(250);
    expect(accuracy(1000)).toBe(1);
    // Measured 0.99 (the stop-word count it replaces: 0.90); three words: 0.97 against 0.76.
    expect(accuracy(5)).toBeGreaterThanOrEqual(0.97);
    expect(accuracy(3)).toBeGreaterThanOrEqual(0.93);
  });

  it("takes the section's declared language for a paragraph too short to tell", () => {
    expect(detectParagraphLanguage('Cooperación regional', 'pt')).toBe('pt');
    expect(detectParagraphLanguage('Firearms', 'es')).toBe('es');
    expect(detectParagraphLanguage('Los Estados miembros capacitarán a la policía en derechos humanos.', 'en')).toBe(
      'es',
    );
  });
});
