import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { stateCodeOfEnglishName, stateName } from '../shared/member-states';

/** Where the link's words start and end in the formatted message (private-use characters, in no message). */
const LINK_START = '\uE000';
const LINK_END = '\uE001';

export type MergeReference = { before: string; link: string; href: string; after: string };

/**
 * The sentence that replaces a merged paragraph, written in the language of the section it goes into:
 * "See section 2, paragraph 3 (Title) — co-sponsored by Mexico and Peru." The co-sponsors come by their
 * English names (as paragraphs store them) and are named, and joined, in that language.
 */
export function mergeReference(options: {
  language: Locale;
  section: number;
  paragraph: number;
  title: string;
  href: string;
  cosponsors: readonly string[];
}): MergeReference {
  const { language } = options;
  const named = options.cosponsors.map((name) => {
    const code = stateCodeOfEnglishName(name);
    return code ? stateName(code, language) : name;
  });
  const sentence = translator(language).markup('MergeReference.text', {
    section: options.section,
    paragraph: options.paragraph,
    title: options.title,
    states: new Intl.ListFormat(language, { type: 'conjunction' }).format(named),
    link: (chunks) => `${LINK_START}${chunks}${LINK_END}`,
  });
  const [before = '', rest = ''] = sentence.split(LINK_START);
  const [link = '', after = ''] = rest.split(LINK_END);
  return { before, link, href: options.href, after };
}
