import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule (eslint.config.js, no-restricted-syntax on app/) that keeps words out of the
 * interface's code: they belong in messages/*.json. Checked here on examples, both ways, so that a
 * change to its selectors cannot quietly stop it from finding them.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function findings(code: string, filePath = 'app/_components/example.tsx'): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

const component = (body: string) => `import { useTranslations } from 'next-intl';
export function Example({ n, done }: { n: number; done: boolean }) {
  const t = useTranslations('Example');
  const choose = () => window.confirm(t('sure'));
  return ${body};
}
`;

describe('literal interface text is refused by the lint rule', () => {
  it.each([
    ['JSX text', '<p>Sign in to continue</p>'],
    ['an accessible name', '<input aria-label="Email address" />'],
    ['a tooltip', "<span title={'Changed today'} />"],
    ['a placeholder from a condition', "<input placeholder={done ? t('x') : 'Type here'} />"],
    ['alt text', '<img alt="Logo of the OAS" src="/x.png" />'],
    ['a string child', "<p>{'Saved.'}</p>"],
    ['a string in a condition', "<p>{done ? 'Saved' : t('saving')}</p>"],
    ['a template child', '<p>{`${n} words`}</p>'],
    ['a template label', '<button aria-label={`Move ${n} up`} />'],
  ])('%s', async (_what, jsx) => {
    expect(await findings(component(jsx))).toBeGreaterThan(0);
  });

  it('a dialog text', async () => {
    expect(await findings("export const ask = () => window.confirm('Sure?');", 'app/_components/ask.ts')).toBe(1);
  });

  it('a sentence in a helper', async () => {
    expect(
      await findings(
        "export const label = (online: boolean) => (online ? 'All changes saved' : 'Offline');",
        'app/_components/badge.ts',
      ),
    ).toBe(1);
  });

  it('lets messages, symbols, class names and the brand through', async () => {
    const jsx = `<div className="row small" title={t('tip')}>
      <a href="/plans" className="brand">Concordia</a> · {t('count', { n })} — <span aria-hidden>↑</span>
      <button onClick={choose} aria-label={t('up')}>{n > 1 ? '↑' : '↓'}</button>
    </div>`;
    expect(await findings(component(jsx))).toBe(0);
  });

  it('finds none in the interface as it is', async () => {
    const results = await eslint.lintFiles(['app']);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line}`),
    );
    expect(found).toEqual([]);
  });
});
