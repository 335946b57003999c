import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.join(import.meta.dirname, '../../app');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.tsx') ? [file] : [];
  });
}

describe('forms that carry a password', () => {
  // Sent before the page has its script (slow network, script blocked), a form without a method goes
  // as GET, and the password lands in the address: browser history, proxies, server logs.
  const withPasswords = sources(APP).filter((file) => readFileSync(file, 'utf8').includes('type="password"'));

  it('are found', () => {
    expect(withPasswords.length).toBeGreaterThanOrEqual(4);
  });

  it.each(withPasswords.map((file) => [path.relative(APP, file)]))('%s posts every form', (file) => {
    const forms = readFileSync(path.join(APP, file), 'utf8').match(/<form\b[^>]*>/g) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(form).toContain('method="post"');
  });
});
