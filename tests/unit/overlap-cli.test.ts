import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(input: string, args: readonly string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/find-overlaps.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const proposal = 'Create a single national registry of firearms, ammunition and explosives, interoperable with neighbouring countries.';
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

  it('takes a threshold, and refuses one outside (0, 1]', () => {
    expect(run(JSON.stringify(plan), ['--threshold', '0.9']).status).toBe(0);
    const { status, stderr } = run(JSON.stringify(plan), ['--threshold', '1.5']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--threshold/);
  });
});
