import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions } from 'docx';
import type { Numbering } from '../shared/paragraph-numbers';

/** The Word list that numbers the plan: its sections' headings and their numbered paragraphs. */
export const PLAN_NUMBERING = 'plan-numbering';

/** The paragraph style of a numbered paragraph, which the import reads back as a plain paragraph. */
export const NUMBERED_PARAGRAPH_STYLE = { id: 'NumberedParagraph', name: 'Numbered Paragraph' } as const;

/** Where a section heading and a numbered paragraph sit in the plan's Word list. */
export const PLAN_LEVELS = { section: 0, paragraph: 1 } as const;

/** The Word list that numbers the paragraphs of a plan numbered continuously, apart from its headings. */
export const PLAN_PARAGRAPHS = 'plan-paragraphs';

const headingLevel: ILevelsOptions = {
  level: PLAN_LEVELS.section,
  format: LevelFormat.DECIMAL,
  text: '%1.',
  suffix: LevelSuffix.SPACE,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 0, hanging: 0 } } },
};

/** The number stands in the hanging indent, before the text, as in a United Nations resolution. */
const hanging = { paragraph: { indent: { left: 720, hanging: 720 } } };

/**
 * The plan's numbering as Word lists, so Word and LibreOffice generate the numbers, the ones the editor
 * shows (lib/shared/paragraph-numbers.ts) for the same text, and a paragraph inserted in Word renumbers
 * those after it. Level 0 of the plan list numbers the section headings ("3."). By section, level 1
 * numbers their paragraphs ("3.4", restarting under each heading as Word's lower levels do); numbered
 * continuously, the paragraphs are one list of their own ("17"), which no heading restarts.
 */
export function planNumbering(scheme: Numbering = 'section') {
  const paragraphs: ILevelsOptions = {
    level: PLAN_LEVELS.paragraph,
    format: LevelFormat.DECIMAL,
    text: '%1.%2',
    // Always decimal, whatever a user later makes of the heading level's format.
    isLegalNumberingStyle: true,
    suffix: LevelSuffix.TAB,
    alignment: AlignmentType.LEFT,
    style: hanging,
  };
  if (scheme === 'section') return [{ reference: PLAN_NUMBERING, levels: [headingLevel, paragraphs] }];
  return [
    { reference: PLAN_NUMBERING, levels: [headingLevel] },
    {
      reference: PLAN_PARAGRAPHS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1',
          suffix: LevelSuffix.TAB,
          alignment: AlignmentType.LEFT,
          style: hanging,
        },
      ],
    },
  ];
}

/** Where a numbered paragraph sits in the plan's Word lists under this scheme. */
export function paragraphNumbering(scheme: Numbering = 'section') {
  return scheme === 'section'
    ? { reference: PLAN_NUMBERING, level: PLAN_LEVELS.paragraph, instance: 0, custom: true }
    : { reference: PLAN_PARAGRAPHS, level: 0, instance: 0, custom: true };
}

/** An ordinary list of the text: bullets, or numbers from `start`, indented by level. */
export function listDefinition(reference: string, ordered: boolean, start = 1) {
  return {
    reference,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      start,
      format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  };
}
