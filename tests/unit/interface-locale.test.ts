import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/i18n/locales';
import { fromAcceptLanguage, negotiateLocale } from '../../lib/i18n/negotiate-locale';
import { translator } from '../../lib/i18n/translator';
import { OAS_MEMBER_STATES, stateName, statesIn } from '../../lib/shared/member-states';

describe('the interface language of a request', () => {
  it.each([
    ['es-419,es;q=0.9,en;q=0.8', 'es'],
    ['pt-BR,pt;q=0.9', 'pt'],
    ['fr-CA', 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,fr;q=0.7,es;q=0.5', 'fr'],
    ['en;q=0.2, es;q=0.8', 'es'],
    ['ES-mx', 'es'],
    ['*', null],
    ['de, ja', null],
    ['fr;q=0, es', 'es'],
    ['', null],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });

  it("takes the account's choice, then the cookie, then Accept-Language, then English", () => {
    expect(negotiateLocale({ account: 'pt', cookie: 'fr', acceptLanguage: 'es-419' })).toBe('pt');
    expect(negotiateLocale({ account: null, cookie: 'fr', acceptLanguage: 'es-419' })).toBe('fr');
    expect(negotiateLocale({ account: null, cookie: 'xx', acceptLanguage: 'es-419' })).toBe('es');
    expect(negotiateLocale({ account: 'klingon', cookie: undefined, acceptLanguage: 'de' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });

  it('reads a long header without trouble', () => {
    expect(fromAcceptLanguage(`${'de;q=0.1,'.repeat(10_000)}es`)).toBe(null);
  });
});

describe('messages outside React', () => {
  it('formats a message in each language with its plurals', () => {
    expect(translator('es')('SectionFigures.words', { count: 1 })).toBe('1 palabra');
    expect(translator('fr')('SectionFigures.words', { count: 2 })).toBe('2 mots');
    expect(translator('pt')('PlanSearch.found', { paragraphs: 1, sections: 3 })).toBe('1 parágrafo em 3 seções.');
  });
});

describe('member states in four languages', () => {
  it('names the 35 OAS member states once each, in every language', () => {
    expect(OAS_MEMBER_STATES).toHaveLength(35);
    expect(new Set(OAS_MEMBER_STATES.map(([code]) => code)).size).toBe(35);
    for (const row of OAS_MEMBER_STATES) expect(row.every((name) => name.trim().length > 0)).toBe(true);
  });

  it("names a state in the reader's language, and lists them in its order", () => {
    expect(LOCALES.map((l) => stateName('PER', l))).toEqual(['Peru', 'Perú', 'Peru', 'Pérou']);
    expect(LOCALES.map((l) => stateName('BRA', l))).toEqual(['Brazil', 'Brasil', 'Brasil', 'Brésil']);
    expect(stateName('XXX', 'es')).toBe('XXX');
    const spanish = statesIn('es').map((s) => s.name);
    expect(spanish.indexOf('Perú')).toBeLessThan(spanish.indexOf('Saint Kitts y Nevis'));
    expect(statesIn('en')[2]?.name).toBe('The Bahamas');
  });
});
