/**
 * Prints the overlaps of a plan read as JSON on stdin, found exactly as the app finds them, machine
 * translation included:
 *
 *   npx tsx scripts/find-overlaps.ts [--threshold 0.6] < plan.json
 *
 * Input `{"sections":[{"id":"s1","lang":"es","paragraphs":["…"]}]}` (`lang` optional: without it each
 * paragraph's language is detected), output `{"overlaps":[{"a":…,"b":…,"score":…,"kind":…}]}`.
 * Without Apertium (or with TRANSLATION=off) only same-language overlaps are found and stderr says why.
 * Invalid input or arguments exit with code 2 and the reason on stderr.
 */
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { translationConfig } from '../lib/env';
import { analysePlan, planTextSchema } from '../lib/overlap';
import { createTranslator } from '../lib/translation';

const INVALID_INPUT = 2;

const thresholdSchema = z.coerce.number().gt(0).lte(1).optional();

function fail(message: string): never {
  process.stderr.write(`find-overlaps: ${message}\n`);
  process.exit(INVALID_INPUT);
}

function parseJson(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    return fail(`stdin is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readThreshold(): number | undefined {
  try {
    const { values } = parseArgs({ options: { threshold: { type: 'string' } } });
    const threshold = thresholdSchema.safeParse(values.threshold);
    return threshold.success ? threshold.data : fail('--threshold must be a number in (0, 1]');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function readConfig() {
  try {
    return translationConfig();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const threshold = readThreshold();
const config = readConfig();
const plan = planTextSchema.safeParse(parseJson(await text(process.stdin)));
if (!plan.success) fail(`invalid plan\n${z.prettifyError(plan.error)}`);
const translator = createTranslator({ config });
try {
  const { overlaps, crossLanguage } = await analysePlan(plan.data, { translator, threshold });
  if (!crossLanguage.available)
    process.stderr.write(`find-overlaps: cross-language overlaps are not looked for: ${crossLanguage.reason}\n`);
  process.stdout.write(`${JSON.stringify({ overlaps })}\n`);
} finally {
  translator.close();
}
