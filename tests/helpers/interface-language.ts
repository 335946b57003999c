import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from 'playwright-core';
import type { Locale } from '../../lib/i18n/locales';

type Tree = { [key: string]: string | Tree };

/** A language's message file, as the interface uses it. */
export function messagesOf(locale: Locale): Tree {
  return JSON.parse(readFileSync(path.join('messages', `${locale}.json`), 'utf8')) as Tree;
}

/** The words of every message of a language: each run of literal text between arguments and tags, in every branch. */
function fragments(locale: Locale): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value !== 'string') walk(value, `${prefix}${key}.`);
      else byKey.set(`${prefix}${key}`, literals(parse(value)));
    }
  };
  walk(messagesOf(locale), '');
  return byKey;
}

function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.tag) return literals(element.children);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      return Object.values(element.options).flatMap((option) => literals(option.value));
    return [];
  });
}

/**
 * Words a page in `shown` must not carry: the pieces of text of `other`'s messages (another
 * interface language) that no message in `shown` has, of four characters or more, found as whole words.
 */
export function foreignPieces(other: Locale, shown: Locale): string[] {
  const own = new Set([...fragments(shown).values()].flat().flatMap((text) => [bare(text), ...words(text)]));
  const pieces = new Set<string>();
  for (const texts of fragments(other).values()) {
    for (const piece of texts.map(bare))
      if (piece.length >= 4 && /\p{L}{2}/u.test(piece) && !own.has(piece)) pieces.add(piece);
  }
  return [...pieces];
}

/** A piece of text without the spaces and punctuation around it. */
const bare = (text: string) => text.replace(/^[\s:;,.·—–()“”«»"]+|[\s:;,.·—–()“”«»"…?]+$/gu, '');

const words = (text: string) => text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

/**
 * The interface's own words on the page as a reader meets them: visible text, options of pickers,
 * and what screen readers and tooltips read (aria-label, title, placeholder, alt, the page title).
 * Left out: what people wrote (documents, passages, messages, search results) and the language
 * picker, which names each language in itself.
 */
export async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skipped =
      '.prose, .passage > p:last-child, .search-hit p, .comment-body, blockquote, .language-switch, pre, code, textarea, script, style';
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skipped)) continue;
      if (parent.tagName !== 'OPTION' && !parent.checkVisibility()) continue;
      out.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (element.closest('.language-switch')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out.join('\n');
  });
}

/** The pieces of `pieces` in `text`, as whole words, once the data (names and titles people gave) is taken out of it. */
export function piecesIn(text: string, pieces: readonly string[], data: readonly string[]): string[] {
  let rest = text;
  for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return pieces.filter((piece) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'u').test(rest));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
