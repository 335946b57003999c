import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { stateCodeOfEnglishName, stateName } from '../shared/member-states';
import type { CompiledSection, DocumentBlock, PlanDocument } from './blocks';

export { safeHref } from '../shared/safe-href';

/** A page footer in pieces: words, and where the printer or word processor puts the page number and count. */
export type PageFooterPart = { text: string } | { field: 'page' | 'pages' };

/** Stand-ins (private-use characters) for the page fields while the message is formatted; no message contains them. */
const FIELD_MARKS = { page: '\uE000', pages: '\uE001' } as const;

/**
 * The words around the text in `language`, the same in every format, from the message files
 * (`Export.*`): an export speaks the plan's language whatever the reader's interface does.
 */
export function exportLabels(language: Locale) {
  const t = translator(language);
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return {
    language,
    goalHeading: t('Export.goalHeading'),
    contentsHeading: t('Export.contentsHeading'),
    /** Under the heading of a section with no text yet, so it does not stand bare. */
    noText: t('Export.noText'),
    annexHeading: t('Export.annexHeading'),
    sectionHeading: (section: CompiledSection) => `${section.number}. ${section.title}`,
    leadLine: (section: CompiledSection) =>
      section.coEditingStates.length
        ? t('Export.leadAndCoEditing', { state: section.leadState, states: list.format(section.coEditingStates) })
        : t('Export.leadState', { state: section.leadState }),
    versionLine: (version: NonNullable<PlanDocument['version']>) => t('Export.version', { name: version.name }),
    /** The document block as the working group's documents print it: issuing bodies left (council and committee in capitals), symbol, date and original language right. */
    documentBlockLines: (block: DocumentBlock): { issuer: string[]; reference: string[] } => ({
      issuer: [
        block.council.toLocaleUpperCase(language),
        block.committee.toLocaleUpperCase(language),
        block.workingGroup,
      ].filter(Boolean),
      reference: [
        ...block.symbol.split(/\s+/),
        block.date ? longDate(block.date, language) : '',
        t('Export.original', { language: block.originalLanguage }),
      ].filter(Boolean),
    }),
    /** "Page 1 of 3" with the numbers left to whoever lays out the pages. */
    pageFooter: (): PageFooterPart[] =>
      t('Export.page', { page: FIELD_MARKS.page, pages: FIELD_MARKS.pages })
        .split(/([\uE000\uE001])/)
        .filter(Boolean)
        .map((piece) =>
          piece === FIELD_MARKS.page
            ? { field: 'page' }
            : piece === FIELD_MARKS.pages
              ? { field: 'pages' }
              : { text: piece },
        ),
    /** After a merged passage: its co-sponsors, stored by their English names, named in `language`. */
    cosponsoredBy: (englishNames: string[]) =>
      t('Export.cosponsoredBy', { states: list.format(englishNames.map((name) => stateIn(name, language))) }),
    annexColumns: [t('Export.annexSection'), t('Export.annexLeadState'), t('Export.annexContributions')] as const,
    share: (contributor: string, share: number) => t('Export.share', { contributor, share }),
    /** After the states' shares: those of the chair and of text no one is named for. */
    otherContributors: (shares: string) => t('Export.otherContributors', { shares }),
    contributor: {
      unattributed: t('Export.unattributed'),
      chair: t('Export.chair'),
      formerMember: t('Export.formerMember'),
    },
    stateName: (code: string) => stateName(code, language),
    /** After a paragraph agreed ad referendum: the states that hold it so. */
    adReferendum: (codes: readonly string[]) =>
      t('Export.adReferendum', { states: list.format(codes.map((code) => stateName(code, language))) }),
    /** A state's reservation on a paragraph as its footnote reads: the state named in `language`, its statement as written. */
    reservation: (code: string, paragraph: string, text: string) =>
      t('Export.reservation', { state: stateName(code, language), paragraph, text: text.replace(/\s+/g, ' ').trim() }),
    /** A note naming the state that proposed an alternative wording for a span in brackets. */
    alternative: (code: string, text: string, span: string) =>
      t('Export.alternative', { state: stateName(code, language), text, span }),
    notesHeading: t('Export.notesHeading'),
    amendmentsHeading: t('Export.amendmentsHeading'),
    amendmentColumns: [
      t('Export.amendmentNumber'),
      t('Export.amendmentSponsor'),
      t('Export.amendmentCosponsors'),
      t('Export.amendmentParagraph'),
      t('Export.amendmentProposal'),
      t('Export.amendmentJustification'),
    ] as const,
    amendmentChange: (kind: 'replace' | 'insert' | 'delete', target: string, text: string) =>
      t('Export.amendmentChange', { kind, target, text }),
  };
}

export type ExportLabels = ReturnType<typeof exportLabels>;

function stateIn(englishName: string, language: Locale): string {
  const code = stateCodeOfEnglishName(englishName);
  return code ? stateName(code, language) : englishName;
}

/**
 * Date formats per language, as OAS documents print them: "26 November 2026", "26 de noviembre de 2026",
 * "26 de novembro de 2026", "26 novembre 2026".
 */
const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', es: 'es', pt: 'pt-BR', fr: 'fr' };

/** A YYYY-MM-DD date as the document block prints it in `language`. */
export function longDate(isoDate: string, language: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
