import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { overlapStatus } from '../../db/schema';
import { LOCALES, type Locale } from '../../lib/i18n/locales';

/** The message files as translators see them: `Namespace.key` → ICU message. */
const read = (name: string) => JSON.parse(readFileSync(path.join('messages', name), 'utf8')) as Record<string, unknown>;
const flatten = (tree: Record<string, unknown>, prefix = ''): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      value !== null && typeof value === 'object'
        ? Object.entries(flatten(value as Record<string, unknown>, `${prefix}${key}.`))
        : [[`${prefix}${key}`, value]],
    ),
  );
const messages = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(read(`${locale}.json`))])) as Record<
  Locale,
  Record<string, unknown>
>;
const english = messages.en;
const translations = LOCALES.filter((locale) => locale !== 'en');
const descriptions = read('descriptions.json') as Record<string, string>;
/** Translations equal to the English on purpose, by language (the file's `$comment` says why it exists). */
const identical = read('identical.json') as Record<string, Record<string, string>>;

/** What a message's code relies on: its arguments (with their kind), the options of its selects, its tags; and its words. */
function shape(message: string, locale: Locale) {
  const args = new Set<string>();
  const selects = new Map<string, Set<string>>();
  const tags = new Set<string>();
  const pluralProblems: string[] = [];
  const words: string[] = [];
  const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) words.push(element.value);
      else if (element.type === TYPE.tag) {
        tags.add(element.value);
        walk(element.children);
      } else if (element.type === TYPE.select) {
        args.add(`${element.value}:select`);
        const keys = selects.get(element.value) ?? new Set<string>();
        for (const [key, option] of Object.entries(element.options)) {
          keys.add(key);
          walk(option.value);
        }
        selects.set(element.value, keys);
      } else if (element.type === TYPE.plural) {
        args.add(`${element.value}:plural`);
        if (!('other' in element.options)) pluralProblems.push(`{${element.value}} has no "other"`);
        for (const [key, option] of Object.entries(element.options)) {
          if (!key.startsWith('=') && !categories.has(key))
            pluralProblems.push(`{${element.value}}: "${key}" is not a plural category of ${locale}`);
          walk(option.value);
        }
      } else if (element.type !== TYPE.pound) {
        args.add(`${element.value}:${TYPE[element.type]}`);
      }
    }
  };
  walk(parse(message));
  return {
    args: [...args].sort(),
    selects: Object.fromEntries([...selects].map(([k, v]) => [k, [...v].sort()])),
    tags: [...tags].sort(),
    pluralProblems,
    words: words.join(' '),
  };
}

const hasWords = (text: string) => /\p{L}/u.test(text);

describe('message files', () => {
  it('has a message for every key, in every language, and nothing else', () => {
    for (const locale of translations) {
      const keys = Object.keys(messages[locale]);
      expect({ locale, missing: Object.keys(english).filter((k) => !keys.includes(k)) }).toEqual({
        locale,
        missing: [],
      });
      expect({ locale, extra: keys.filter((k) => !(k in english)) }).toEqual({ locale, extra: [] });
    }
  });

  it('has no empty message', () => {
    for (const locale of LOCALES) {
      const empty = Object.entries(messages[locale]).filter(([, text]) => typeof text !== 'string' || !text.trim());
      expect({ locale, empty: empty.map(([key]) => key) }).toEqual({ locale, empty: [] });
    }
  });

  it('gives every translation the arguments, select options and tags of the English (plurals in its own categories)', () => {
    const problems: string[] = [];
    for (const [key, source] of Object.entries(english)) {
      const expected = shape(String(source), 'en');
      problems.push(...expected.pluralProblems.map((p) => `en ${key}: ${p}`));
      for (const locale of translations) {
        let found: ReturnType<typeof shape>;
        try {
          found = shape(String(messages[locale][key] ?? ''), locale);
        } catch (error) {
          problems.push(`${locale} ${key}: does not parse (${(error as Error).message})`);
          continue;
        }
        problems.push(...found.pluralProblems.map((p) => `${locale} ${key}: ${p}`));
        for (const part of ['args', 'selects', 'tags'] as const) {
          if (JSON.stringify(found[part]) !== JSON.stringify(expected[part])) {
            problems.push(
              `${locale} ${key}: ${part} ${JSON.stringify(found[part])}, English has ${JSON.stringify(expected[part])}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('translates every message, except those listed in messages/identical.json', () => {
    const untranslated: string[] = [];
    for (const locale of translations) {
      for (const [key, source] of Object.entries(english)) {
        const same = messages[locale][key] === source && hasWords(shape(String(source), 'en').words);
        if (same !== key in (identical[locale] ?? {}))
          untranslated.push(
            same
              ? `${locale} ${key}: "${String(source)}" is the English`
              : `${locale} ${key}: listed as identical, but is translated`,
          );
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('describes existing keys, and every message with tags or choices a translator must place', () => {
    expect(Object.keys(descriptions).filter((key) => !(key in english))).toEqual([]);
    const needing = Object.entries(english)
      .filter(([, text]) => {
        const { tags, selects } = shape(String(text), 'en');
        return tags.length > 0 || Object.keys(selects).length > 0;
      })
      .map(([key]) => key);
    expect(needing.filter((key) => !descriptions[key])).toEqual([]);
  });

  it('names every action the audit log records', () => {
    const recorded = new Set<string>(
      overlapStatus.enumValues.filter((s) => s !== 'open' && s !== 'closed').map((s) => `overlap.${s}`),
    );
    for (const file of sources('lib')) {
      const source = readFileSync(file, 'utf8');
      if (!source.includes('recordAudit(')) continue;
      for (const [, action] of source.matchAll(/action: '([a-z]+\.[a-z_]+)'/g)) recorded.add(action!);
      // An action chosen by a condition (`const action = frozen ? 'section.frozen' : …`); permission actions are `{ type: … }`.
      for (const [line] of source.matchAll(/const action = [^;]*/g))
        for (const [, action] of line.matchAll(/(?<!type: )'([a-z]+\.[a-z_]+)'/g)) recorded.add(action!);
    }
    expect(recorded.size).toBeGreaterThan(15);
    expect([...recorded].filter((action) => !(`AuditPage.actions.${action.replace('.', '_')}` in english))).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}
