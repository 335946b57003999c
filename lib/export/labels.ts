import { longDate, type CompiledSection, type DocumentBlock, type PlanDocument } from './blocks';

/** The words around the text, the same in every format. */
export const GOAL_HEADING = 'Goal of the plan';
export const ANNEX_HEADING = 'Annex: contributions by state';

export function sectionHeading(section: CompiledSection): string {
  return `${section.number}. ${section.title}`;
}

export function leadLine(section: CompiledSection): string {
  const coEditing = section.coEditingStates.length ? ` · Co-editing: ${section.coEditingStates.join(', ')}` : '';
  return `Lead state: ${section.leadState}${coEditing}`;
}

export function versionLine(version: NonNullable<PlanDocument['version']>): string {
  return `Version: ${version.name}`;
}

/**
 * The document block as the working group's documents print it: the issuing bodies on the left (council
 * and committee in capitals), the symbol, date and original language on the right.
 */
export function documentBlockLines(block: DocumentBlock): { issuer: string[]; reference: string[] } {
  return {
    issuer: [block.council.toUpperCase(), block.committee.toUpperCase(), block.workingGroup].filter(Boolean),
    reference: [...block.symbol.split(/\s+/), block.date ? longDate(block.date) : '', `Original: ${block.originalLanguage}`].filter(Boolean),
  };
}

/** Only addresses a reader can follow safely; anything else (javascript:, data:) is printed as plain text. */
export function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}
