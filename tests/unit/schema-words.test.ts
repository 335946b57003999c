import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
// Request bodies are checked by schemas in these folders; lib/env.ts speaks to administrators, in English.
const FOLDERS = ['lib/shared', 'lib/consolidation', 'lib/negotiation', 'lib/discussion', 'lib/plans'];
// A check given words of its own: `.min(1, 'must not be empty')`, `{ message: '…' }`, `{ error: '…' }`.
const OWN_WORDS =
  /\.(min|max|length|regex|email|uuid|url|date|refine|nonempty|startsWith|endsWith|includes|gte|lte|gt|lt)\([^()]*?['"`][^'"`]*[a-z]{3}|\b(message|error):\s*['"`]/;

describe('request schemas', () => {
  it('carry no English words of their own, so a failed check is put in words from the message files', () => {
    const found: string[] = [];
    for (const folder of FOLDERS)
      for (const file of readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(path.join(ROOT, folder, file), 'utf8');
        if (!source.includes("from './zod'") && !source.includes("from 'zod'") && !source.includes('/zod')) continue;
        source.split('\n').forEach((line, i) => {
          if (OWN_WORDS.test(line)) found.push(`${folder}/${file}:${i + 1}: ${line.trim()}`);
        });
      }
    expect(found).toEqual([]);
  });
});
