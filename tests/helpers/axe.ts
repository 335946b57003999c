import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.1 levels A and AA, which public bodies of the member states are commonly held to, and axe's best practices. */
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

type Violation = { id: string; help: string; nodes: Array<{ target: string[] }> };

/** What axe-core finds on the page as it is now, one line per rule broken, with where. */
export async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    // Tables in a document are its authors' (a new one starts with empty header cells), not the application's.
    return (await axe.run({ exclude: [['.prose table']] }, { runOnly: { type: 'tag', values: tags } })).violations;
  }, RULES);
  return found.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
