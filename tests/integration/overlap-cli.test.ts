import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apertiumAvailable } from '../helpers/apertium';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(input: string, args: readonly string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/find-overlaps.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Peru's proposal and Canada's paraphrase of it in English; Brazil's is on the same topic, another action.
const multilingual = {
  sections: [
    {
      id: 'peru',
      lang: 'es',
      paragraphs: [
        'Los Estados Miembros capacitarán a los agentes de policía en derechos humanos y en el uso proporcional de la fuerza, mediante cursos obligatorios de actualización anual.',
      ],
    },
    {
      id: 'canada',
      paragraphs: [
        'Police services should receive mandatory training on human rights standards and on the necessary and proportionate use of force, with refresher courses every year for all front-line officers.',
        'Create a single national registry of firearms, ammunition and explosives, interoperable with neighbouring countries.',
      ],
    },
    {
      id: 'brazil',
      lang: 'pt',
      paragraphs: [
        'Adotar câmeras corporais nos uniformes dos policiais em patrulhamento, com regras sobre a gravação, o armazenamento das imagens e o acesso a elas.',
      ],
    },
    {
      id: 'jamaica',
      lang: 'en',
      paragraphs: [
        'CREATE A SINGLE NATIONAL REGISTRY OF FIREARMS, AMMUNITION AND EXPLOSIVES, INTEROPERABLE WITH NEIGHBOURING COUNTRIES.',
      ],
    },
  ],
};

const proposal =
  'Create a single national registry of firearms, ammunition and explosives, interoperable with neighbouring countries.';
const plan = {
  sections: [
    { id: 's1', paragraphs: ['Train police officers in human rights and the proportional use of force.', proposal] },
    { id: 's2', paragraphs: ['Expand alternatives to pretrial detention to reduce prison overcrowding.'] },
    { id: 's3', paragraphs: ['Firearms', proposal.toUpperCase()] },
  ],
};

describe('scripts/find-overlaps.ts', () => {
  it('prints the overlaps of the plan read on stdin', () => {
    const { status, stdout, stderr } = run(JSON.stringify(plan));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      overlaps: [{ a: { section: 's1', paragraph: 1 }, b: { section: 's3', paragraph: 1 }, score: 1, kind: 'copy' }],
    });
  });

  it('prints an empty list when nothing overlaps', () => {
    const { status, stdout } = run(JSON.stringify({ sections: [] }));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ overlaps: [] });
  });

  it.each([
    ['text that is not JSON', 'sections: none', /not valid JSON/],
    ['a plan without paragraphs', JSON.stringify({ sections: [{ id: 's1' }] }), /invalid plan[\s\S]*paragraphs/],
    ['a paragraph that is not text', JSON.stringify({ sections: [{ id: 's1', paragraphs: [42] }] }), /expected string/],
    ['duplicated section ids', JSON.stringify({ sections: [plan.sections[0], plan.sections[0]] }), /unique/],
  ])('exits with code 2 and says why on %s', (_, input, message) => {
    const { status, stdout, stderr } = run(input);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it.runIf(apertiumAvailable())(
    'finds a paraphrase in another language, with sections declaring their language or not',
    () => {
      const { status, stdout, stderr } = run(JSON.stringify(multilingual));
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const { overlaps } = JSON.parse(stdout) as { overlaps: { a: unknown; b: unknown; kind: string }[] };
      expect(overlaps.map(({ a, b, kind }) => ({ a, b, kind }))).toEqual([
        { a: { section: 'canada', paragraph: 1 }, b: { section: 'jamaica', paragraph: 0 }, kind: 'copy' },
        { a: { section: 'canada', paragraph: 0 }, b: { section: 'peru', paragraph: 0 }, kind: 'paraphrase' },
      ]);
    },
  );

  it('finds same-language overlaps without machine translation, and says on stderr why the others are not looked for', () => {
    const { status, stdout, stderr } = run(JSON.stringify(multilingual), [], { TRANSLATION: 'off' });
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      overlaps: [
        { a: { section: 'canada', paragraph: 1 }, b: { section: 'jamaica', paragraph: 0 }, score: 1, kind: 'copy' },
      ],
    });
    expect(stderr).toMatch(/cross-language overlaps are not looked for: .*TRANSLATION=off/);
  });

  it('refuses a section language that is not one of the four', () => {
    const { status, stderr } = run(JSON.stringify({ sections: [{ id: 's1', lang: 'de', paragraphs: [] }] }));
    expect(status).toBe(2);
    expect(stderr).toMatch(/lang/);
  });

  it('takes a threshold, and refuses one outside (0, 1]', () => {
    expect(run(JSON.stringify(plan), ['--threshold', '0.9']).status).toBe(0);
    const { status, stderr } = run(JSON.stringify(plan), ['--threshold', '1.5']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--threshold/);
  });
});
