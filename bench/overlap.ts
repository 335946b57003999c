/**
 * Timing of overlap detection on a plan of the size the working group expects (35 sections of about
 * 5,000 words), full and incremental. Run with `npx tsx bench/overlap.ts`; prints figures, asserts none.
 *
 * The plan is made of template policy sentences over a few hundred distinct words: far more shared
 * vocabulary between paragraphs than in real drafting, so a pessimistic case for the inverted index.
 */
import { performance } from 'node:perf_hooks';
import { findOverlaps, OverlapIndex } from '../lib/overlap';

/** Mutable while the plan is generated, so that overlaps can be planted. */
type DraftSection = { id: string; paragraphs: string[] };

const SECTIONS = 35;
const WORDS_PER_SECTION = 5_000;
const RUNS = 5;
/** Paragraphs copied (with an edit) into another section, so that the run has overlaps to find. */
const PLANTED = 40;

/** mulberry32: a tiny seeded generator, so that every run times the same plan. */
function prng(seed: number): () => number {
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
  'Member States', 'national police forces', 'ministries of justice', 'ministries of the interior',
  'municipal governments', "public prosecutors' offices", 'prison administrations', 'national statistics offices',
  'customs authorities', 'border agencies', 'ombudsman institutions', 'judicial schools',
  'civil society organizations', 'universities', 'subregional bodies', 'the OAS General Secretariat',
];
const ACTIONS = [
  'strengthen', 'train the staff of', 'equip', 'create', 'fund', 'evaluate', 'regulate', 'monitor', 'expand',
  'harmonize', 'publish data on', 'coordinate', 'review', 'promote', 'design', 'support', 'certify', 'audit',
  'reform', 'digitize', 'map', 'inspect', 'decentralize', 'professionalize', 'standardize', 'modernize',
  'pilot', 'scale up', 'institutionalize', 'protect',
];
const OBJECTS = [
  'police academies', 'community policing units', 'victim assistance centres', 'crime statistics offices',
  'forensic laboratories', 'border customs posts', 'firearms registries', 'prison health services',
  'juvenile justice programmes', 'municipal prevention councils', 'domestic violence shelters',
  'cybercrime units', 'witness protection schemes', 'financial intelligence units', 'public defender offices',
  'emergency response systems', 'school mediation programmes', 'drug treatment courts', 'penitentiary staff',
  'ballistic information networks', 'missing persons searches', 'anti-trafficking task forces',
  'neighbourhood watch groups', 'private security companies', 'road safety campaigns', 'probation services',
  'early warning systems', 'judicial cooperation channels', 'human rights ombudsmen', 'youth employment schemes',
  'forensic medicine services', 'crime mapping units', 'juvenile detention centres', 'legal aid clinics',
  'hotlines for victims', 'firearm marking equipment', 'ammunition stockpiles', 'criminal records databases',
  'police complaint mechanisms', 'community mediation centres', 'alternatives to pretrial detention',
  'electronic monitoring programmes', 'reintegration programmes for former inmates', 'specialized prosecution units',
  'victimization surveys', 'homicide observatories', 'regional arrest warrants', 'extradition procedures',
  'asset recovery offices', 'internal affairs divisions', 'street lighting projects', 'safe routes to school',
  'sports programmes for adolescents', 'protection orders', 'gang prevention programmes',
  'port container inspections', 'cyber incident response teams', 'witness relocation programmes',
  'rehabilitation services for addicts', 'programmes against school dropout',
];
const MEANS = [
  'through annual refresher courses', 'with dedicated budget lines', 'using open data standards',
  'with the support of civil society', 'under independent oversight', 'through bilateral agreements',
  'by means of shared protocols', 'with gender-sensitive indicators', 'through regional exchanges of experts',
  'with measurable targets', 'through interoperable databases', 'with the participation of local authorities',
  'under a common methodology', 'through joint operations', 'with technical assistance from the OAS',
  'through public tenders', 'with mobile teams', 'by certifying instructors', 'through pilot projects',
  'with satellite imagery', 'through peer reviews', 'with a single case file', 'through online platforms',
  'with trained interpreters', 'through tax incentives', 'with international funding', 'by secondment of officials',
  'through quarterly reports', 'with citizen scorecards', 'through regional hubs',
];
const PURPOSES = [
  'to reduce homicides', 'to prevent recidivism', 'to protect victims', 'to improve accountability',
  'to curb illicit arms flows', 'to reduce overcrowding', 'to build public trust', 'to shorten response times',
  'to dismantle criminal networks', 'to guarantee due process', 'to reach rural areas', 'to prevent youth violence',
  'to trace stolen vehicles', 'to recover criminal assets', 'to reduce impunity', 'to prevent torture',
  'to detect money laundering', 'to identify missing persons', 'to prevent extortion', 'to reduce femicides',
  'to deter corruption', 'to secure evidence', 'to reduce traffic deaths', 'to support reintegration',
  'to anticipate social conflict', 'to curb drug markets', 'to protect journalists', 'to measure progress',
  'to improve detention conditions', 'to prevent cyber fraud',
];
const PLACES = [
  'in border regions', 'in rural municipalities', 'in the largest cities', 'in indigenous territories',
  'in coastal provinces', 'along migration routes', 'in high-crime neighbourhoods', 'in island states',
  'in mining areas', 'in tourist destinations', 'across the hemisphere', 'in capital districts',
  'in post-conflict zones', 'in the Caribbean', 'in Central America',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function sentence(random: () => number): string {
  return `${[ACTORS, ['should'], ACTIONS, OBJECTS, MEANS, PURPOSES, PLACES].map((list) => pick(random, list)).join(' ')}.`;
}

function section(random: () => number, id: string): DraftSection {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < WORDS_PER_SECTION) {
    const count = 3 + Math.floor(random() * 4);
    const text = Array.from({ length: count }, () => sentence(random)).join(' ');
    paragraphs.push(text);
    words += text.split(' ').length;
  }
  return { id, paragraphs };
}

function syntheticPlan(seed: number): DraftSection[] {
  const random = prng(seed);
  const sections = Array.from({ length: SECTIONS }, (_, i) => section(random, `s${String(i + 1).padStart(2, '0')}`));
  for (let i = 0; i < PLANTED; i++) {
    const from = pick(random, sections);
    const to = pick(random, sections);
    const copied = pick(random, from.paragraphs);
    if (from !== to) to.paragraphs.push(`${copied} ${sentence(random)}`);
  }
  return sections;
}

/** Wall-clock and CPU milliseconds; CPU time says more when other processes share the cores. */
type Timing = { readonly wall: number; readonly cpu: number };

function time(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;

function summary(timings: readonly Timing[]): string {
  const wall = median(timings.map((timing) => timing.wall));
  const cpu = median(timings.map((timing) => timing.cpu));
  return `median of ${timings.length}: ${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms)`;
}

function measure(sections: readonly DraftSection[]): string {
  const texts = sections.flatMap((s) => s.paragraphs);
  const words = texts.flatMap((text) => text.toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean));
  const found = findOverlaps({ sections });
  const full = Array.from({ length: RUNS }, () => time(() => findOverlaps({ sections })));

  // A coordinator typing: one paragraph of one section changes, back and forth.
  const index = new OverlapIndex();
  for (const s of sections) index.setSection(s.id, s.paragraphs);
  const changed = sections[Math.floor(SECTIONS / 2)] as DraftSection;
  const edited = changed.paragraphs.map((text, i) => (i === 3 ? `${text} ${sentence(prng(7))}` : text));
  const incremental = Array.from({ length: RUNS }, (_, run) =>
    time(() => {
      index.setSection(changed.id, run % 2 === 0 ? edited : changed.paragraphs);
      return index.overlaps();
    }),
  );
  index.setSection(changed.id, edited);
  const plan = sections.map((s) => (s === changed ? { id: s.id, paragraphs: edited } : s));
  const same = JSON.stringify(index.overlaps()) === JSON.stringify(findOverlaps({ sections: plan }));

  return [
    `plan: ${SECTIONS} sections, ${texts.length} paragraphs, ${words.length} words (${new Set(words).size} distinct), ${found.length} overlaps`,
    `  full analysis:              ${summary(full)}`,
    `  re-analysis of one section: ${summary(incremental)}; same result as a full analysis: ${same ? 'yes' : 'NO'}`,
  ].join('\n');
}

process.stdout.write(`${measure(syntheticPlan(20_240_611))}\n`);
