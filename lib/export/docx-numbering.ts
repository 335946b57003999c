import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions } from 'docx';

/** The Word list that numbers the plan: its sections' headings and their numbered paragraphs. */
export const PLAN_NUMBERING = 'plan-numbering';

/** The paragraph style of a numbered paragraph, which the import reads back as a plain paragraph. */
export const NUMBERED_PARAGRAPH_STYLE = { id: 'NumberedParagraph', name: 'Numbered Paragraph' } as const;

/** Where a section heading and a numbered paragraph sit in the plan's Word list. */
export const PLAN_LEVELS = { section: 0, paragraph: 1 } as const;

/**
 * How the plan is numbered: "sectioned" is the editor's "3.4" (section 3, its fourth paragraph), every
 * section's paragraphs counting from 1 again. A second scheme is a second case here.
 */
export type NumberingScheme = 'sectioned';

/**
 * The plan's numbering as one Word multilevel list, so Word and LibreOffice generate the numbers:
 * level 0 numbers the section headings ("3."), level 1 their paragraphs ("3.4", restarting under each
 * heading as Word's lower levels do). A paragraph inserted in Word renumbers those after it, and the
 * numbers are the ones the editor shows (lib/shared/paragraph-numbers.ts) for the same text.
 */
export function planNumbering(scheme: NumberingScheme = 'sectioned') {
  const levels: ILevelsOptions[] = (() => {
    switch (scheme) {
      case 'sectioned':
        return [
          {
            level: PLAN_LEVELS.section,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            suffix: LevelSuffix.SPACE,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 0, hanging: 0 } } },
          },
          {
            level: PLAN_LEVELS.paragraph,
            format: LevelFormat.DECIMAL,
            text: '%1.%2',
            // Always decimal, whatever a user later makes of the heading level's format.
            isLegalNumberingStyle: true,
            suffix: LevelSuffix.TAB,
            alignment: AlignmentType.LEFT,
            // The number stands in the hanging indent, before the text, as in a United Nations resolution.
            style: { paragraph: { indent: { left: 720, hanging: 720 } } },
          },
        ];
    }
  })();
  return { reference: PLAN_NUMBERING, levels };
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
