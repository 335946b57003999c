import { describe, expect, it } from 'vitest';
import { findAll } from '../../lib/shared/find-text';

describe('finding words as readers of the OAS languages expect', () => {
  const found = (text: string, query: string) => findAll(text, query).map(({ from, to }) => text.slice(from, to));

  it('ignores case and accents, and gives back the text as written', () => {
    expect(found('La Policía Nacional del Perú y la POLICIA municipal', 'policia')).toEqual(['Policía', 'POLICIA']);
    expect(found('Formação de policiais; formacao continuada', 'FORMAÇÃO')).toEqual(['Formação', 'formacao']);
    expect(found('Sécurité citoyenne', 'securite cit')).toEqual(['Sécurité cit']);
  });

  it('maps positions back through characters written decomposed and outside the basic plane', () => {
    const decomposed = 'Poli\u0301cia 🚓 policía';
    expect(found(decomposed, 'policia')).toEqual(['Poli\u0301cia', 'policía']);
    expect(findAll(decomposed, 'policia')[1]).toEqual({
      from: decomposed.lastIndexOf('policía'),
      to: decomposed.length,
    });
  });

  it('finds every occurrence, none for an empty query', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(found('text', '  ')).toEqual([]);
    expect(found('text', 'absent')).toEqual([]);
  });
});
