import type { Locale } from '../i18n/locales';

/**
 * The 35 member states of the Organization of American States: ISO alpha-3, then the name in each
 * official language as the OAS writes it (English, Spanish, Portuguese, French). English first: the
 * stored name (member_states.name_en) and what older code destructures.
 */
export const OAS_MEMBER_STATES: ReadonlyArray<readonly [code: string, en: string, es: string, pt: string, fr: string]> =
  [
    ['ATG', 'Antigua and Barbuda', 'Antigua y Barbuda', 'Antígua e Barbuda', 'Antigua-et-Barbuda'],
    ['ARG', 'Argentina', 'Argentina', 'Argentina', 'Argentine'],
    ['BHS', 'The Bahamas', 'Bahamas', 'Bahamas', 'Bahamas'],
    ['BRB', 'Barbados', 'Barbados', 'Barbados', 'Barbade'],
    ['BLZ', 'Belize', 'Belice', 'Belize', 'Belize'],
    ['BOL', 'Bolivia', 'Bolivia', 'Bolívia', 'Bolivie'],
    ['BRA', 'Brazil', 'Brasil', 'Brasil', 'Brésil'],
    ['CAN', 'Canada', 'Canadá', 'Canadá', 'Canada'],
    ['CHL', 'Chile', 'Chile', 'Chile', 'Chili'],
    ['COL', 'Colombia', 'Colombia', 'Colômbia', 'Colombie'],
    ['CRI', 'Costa Rica', 'Costa Rica', 'Costa Rica', 'Costa Rica'],
    ['CUB', 'Cuba', 'Cuba', 'Cuba', 'Cuba'],
    ['DMA', 'Dominica', 'Dominica', 'Dominica', 'Dominique'],
    ['DOM', 'Dominican Republic', 'República Dominicana', 'República Dominicana', 'République dominicaine'],
    ['ECU', 'Ecuador', 'Ecuador', 'Equador', 'Équateur'],
    ['SLV', 'El Salvador', 'El Salvador', 'El Salvador', 'El Salvador'],
    ['GRD', 'Grenada', 'Granada', 'Granada', 'Grenade'],
    ['GTM', 'Guatemala', 'Guatemala', 'Guatemala', 'Guatemala'],
    ['GUY', 'Guyana', 'Guyana', 'Guiana', 'Guyana'],
    ['HTI', 'Haiti', 'Haití', 'Haiti', 'Haïti'],
    ['HND', 'Honduras', 'Honduras', 'Honduras', 'Honduras'],
    ['JAM', 'Jamaica', 'Jamaica', 'Jamaica', 'Jamaïque'],
    ['MEX', 'Mexico', 'México', 'México', 'Mexique'],
    ['NIC', 'Nicaragua', 'Nicaragua', 'Nicarágua', 'Nicaragua'],
    ['PAN', 'Panama', 'Panamá', 'Panamá', 'Panama'],
    ['PRY', 'Paraguay', 'Paraguay', 'Paraguai', 'Paraguay'],
    ['PER', 'Peru', 'Perú', 'Peru', 'Pérou'],
    ['KNA', 'Saint Kitts and Nevis', 'Saint Kitts y Nevis', 'São Cristóvão e Névis', 'Saint-Kitts-et-Nevis'],
    ['LCA', 'Saint Lucia', 'Santa Lucía', 'Santa Lúcia', 'Sainte-Lucie'],
    [
      'VCT',
      'Saint Vincent and the Grenadines',
      'San Vicente y las Granadinas',
      'São Vicente e Granadinas',
      'Saint-Vincent-et-les-Grenadines',
    ],
    ['SUR', 'Suriname', 'Suriname', 'Suriname', 'Suriname'],
    ['TTO', 'Trinidad and Tobago', 'Trinidad y Tobago', 'Trinidad e Tobago', 'Trinité-et-Tobago'],
    ['USA', 'United States', 'Estados Unidos', 'Estados Unidos', 'États-Unis'],
    ['URY', 'Uruguay', 'Uruguay', 'Uruguai', 'Uruguay'],
    ['VEN', 'Venezuela', 'Venezuela', 'Venezuela', 'Venezuela'],
  ];

const COLUMN: Record<Locale, 1 | 2 | 3 | 4> = { en: 1, es: 2, pt: 3, fr: 4 };
const BY_CODE = new Map(OAS_MEMBER_STATES.map((row) => [row[0], row]));
const CODE_BY_ENGLISH_NAME = new Map(OAS_MEMBER_STATES.map(([code, en]) => [en, code]));

/** A member state's name in `locale`; an unknown code is shown as it is. */
export function stateName(code: string, locale: Locale): string {
  return BY_CODE.get(code)?.[COLUMN[locale]] ?? code;
}

/**
 * The code of a state named in English, for names that reach the browser without their code (the
 * collaboration server's presence and co-sponsor lists); undefined for any other text.
 */
export function stateCodeOfEnglishName(name: string): string | undefined {
  return CODE_BY_ENGLISH_NAME.get(name);
}

/** The member states named in `locale`, in that language's alphabetical order (as a picker offers them). */
export function statesIn(locale: Locale): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(locale);
  // "The Bahamas" is looked for under B, as the OAS lists it.
  const key = (name: string) => name.replace(/^The /, '');
  return OAS_MEMBER_STATES.map(([code]) => ({ code, name: stateName(code, locale) })).sort((a, b) =>
    collator.compare(key(a.name), key(b.name)),
  );
}
