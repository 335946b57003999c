import type { PlanSection } from '../lib/overlap';

/** How large a synthetic plan is: the working group expects 35 sections of about 5,000 words. */
export type PlanSize = { sections: number; words: number };

/**
 * Paragraphs copied (with a sentence added) into another section, per section, so that the overlaps
 * scenario has overlaps to find: 40 in a plan of 35 sections.
 */
const PLANTED_PER_SECTION = 40 / 35;
const SEED = 20_240_611;

/** mulberry32: a tiny seeded generator, so that every run measures the same plan. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  'Member States',
  'national police forces',
  'ministries of justice',
  'ministries of the interior',
  'municipal governments',
  "public prosecutors' offices",
  'prison administrations',
  'national statistics offices',
  'customs authorities',
  'border agencies',
  'ombudsman institutions',
  'judicial schools',
  'civil society organizations',
  'universities',
  'subregional bodies',
  'the OAS General Secretariat',
];
const ACTIONS = [
  'strengthen',
  'train the staff of',
  'equip',
  'create',
  'fund',
  'evaluate',
  'regulate',
  'monitor',
  'expand',
  'harmonize',
  'publish data on',
  'coordinate',
  'review',
  'promote',
  'design',
  'support',
  'certify',
  'audit',
  'reform',
  'digitize',
  'map',
  'inspect',
  'decentralize',
  'professionalize',
  'standardize',
  'modernize',
  'pilot',
  'scale up',
  'institutionalize',
  'protect',
];
const OBJECTS = [
  'police academies',
  'community policing units',
  'victim assistance centres',
  'crime statistics offices',
  'forensic laboratories',
  'border customs posts',
  'firearms registries',
  'prison health services',
  'juvenile justice programmes',
  'municipal prevention councils',
  'domestic violence shelters',
  'cybercrime units',
  'witness protection schemes',
  'financial intelligence units',
  'public defender offices',
  'emergency response systems',
  'school mediation programmes',
  'drug treatment courts',
  'penitentiary staff',
  'ballistic information networks',
  'missing persons searches',
  'anti-trafficking task forces',
  'neighbourhood watch groups',
  'private security companies',
  'road safety campaigns',
  'probation services',
  'early warning systems',
  'judicial cooperation channels',
  'human rights ombudsmen',
  'youth employment schemes',
  'forensic medicine services',
  'crime mapping units',
  'juvenile detention centres',
  'legal aid clinics',
  'hotlines for victims',
  'firearm marking equipment',
  'ammunition stockpiles',
  'criminal records databases',
  'police complaint mechanisms',
  'community mediation centres',
  'alternatives to pretrial detention',
  'electronic monitoring programmes',
  'reintegration programmes for former inmates',
  'specialized prosecution units',
  'victimization surveys',
  'homicide observatories',
  'regional arrest warrants',
  'extradition procedures',
  'asset recovery offices',
  'internal affairs divisions',
  'street lighting projects',
  'safe routes to school',
  'sports programmes for adolescents',
  'protection orders',
  'gang prevention programmes',
  'port container inspections',
  'cyber incident response teams',
  'witness relocation programmes',
  'rehabilitation services for addicts',
  'programmes against school dropout',
];
const MEANS = [
  'through annual refresher courses',
  'with dedicated budget lines',
  'using open data standards',
  'with the support of civil society',
  'under independent oversight',
  'through bilateral agreements',
  'by means of shared protocols',
  'with gender-sensitive indicators',
  'through regional exchanges of experts',
  'with measurable targets',
  'through interoperable databases',
  'with the participation of local authorities',
  'under a common methodology',
  'through joint operations',
  'with technical assistance from the OAS',
  'through public tenders',
  'with mobile teams',
  'by certifying instructors',
  'through pilot projects',
  'with satellite imagery',
  'through peer reviews',
  'with a single case file',
  'through online platforms',
  'with trained interpreters',
  'through tax incentives',
  'with international funding',
  'by secondment of officials',
  'through quarterly reports',
  'with citizen scorecards',
  'through regional hubs',
];
const PURPOSES = [
  'to reduce homicides',
  'to prevent recidivism',
  'to protect victims',
  'to improve accountability',
  'to curb illicit arms flows',
  'to reduce overcrowding',
  'to build public trust',
  'to shorten response times',
  'to dismantle criminal networks',
  'to guarantee due process',
  'to reach rural areas',
  'to prevent youth violence',
  'to trace stolen vehicles',
  'to recover criminal assets',
  'to reduce impunity',
  'to prevent torture',
  'to detect money laundering',
  'to identify missing persons',
  'to prevent extortion',
  'to reduce femicides',
  'to deter corruption',
  'to secure evidence',
  'to reduce traffic deaths',
  'to support reintegration',
  'to anticipate social conflict',
  'to curb drug markets',
  'to protect journalists',
  'to measure progress',
  'to improve detention conditions',
  'to prevent cyber fraud',
];
const PLACES = [
  'in border regions',
  'in rural municipalities',
  'in the largest cities',
  'in indigenous territories',
  'in coastal provinces',
  'along migration routes',
  'in high-crime neighbourhoods',
  'in island states',
  'in mining areas',
  'in tourist destinations',
  'across the hemisphere',
  'in capital districts',
  'in post-conflict zones',
  'in the Caribbean',
  'in Central America',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** One policy sentence ("Member States should fund … to reduce … in …"), about 15 words. */
export function sentence(random: () => number): string {
  return `${[ACTORS, ['should'], ACTIONS, OBJECTS, MEANS, PURPOSES, PLACES].map((list) => pick(random, list)).join(' ')}.`;
}

function section(random: () => number, id: string, words: number): { id: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const count = 3 + Math.floor(random() * 4);
    const text = Array.from({ length: count }, () => sentence(random)).join(' ');
    paragraphs.push(text);
    written += text.split(' ').length;
  }
  return { id, paragraphs };
}

/**
 * The same plan on every run: paragraphs of three to six template policy sentences over a few hundred
 * distinct words, far more shared vocabulary between paragraphs than in real drafting (a pessimistic
 * case for the overlap index), with paragraphs copied into other sections as overlaps to find.
 */
export function syntheticPlan(size: PlanSize): PlanSection[] {
  const random = prng(SEED);
  const sections = Array.from({ length: size.sections }, (_, i) =>
    section(random, `s${String(i + 1).padStart(2, '0')}`, size.words),
  );
  if (sections.length < 2) return sections;
  for (let i = 0; i < Math.round(size.sections * PLANTED_PER_SECTION); i++) {
    const from = Math.floor(random() * sections.length);
    // Any section but `from`: an overlap is between two sections.
    const to = sections[(from + 1 + Math.floor(random() * (sections.length - 1))) % sections.length]!;
    to.paragraphs.push(`${pick(random, sections[from]!.paragraphs)} ${sentence(random)}`);
  }
  return sections;
}

/** The words of the plan as the overlap detector splits them, for the figures. */
export function planWords(plan: readonly PlanSection[]): string[] {
  return plan
    .flatMap((s) => s.paragraphs)
    .flatMap((text) =>
      text
        .toLowerCase()
        .split(/[^\p{L}\d]+/u)
        .filter(Boolean),
    );
}
