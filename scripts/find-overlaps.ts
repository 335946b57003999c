/**
 * Prints the overlaps of a plan read as JSON on stdin:
 *
 *   npx tsx scripts/find-overlaps.ts [--threshold 0.7] < plan.json
 *
 * Input `{"sections":[{"id":"s1","paragraphs":["…"]}]}`, output `{"overlaps":[{"a":…,"b":…,"score":…,"kind":…}]}`.
 * Invalid input or arguments exit with code 2 and the reason on stderr.
 */
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { findOverlaps, planTextSchema } from '../lib/overlap';

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

const threshold = readThreshold();
const plan = planTextSchema.safeParse(parseJson(await text(process.stdin)));
if (!plan.success) fail(`invalid plan\n${z.prettifyError(plan.error)}`);
process.stdout.write(`${JSON.stringify({ overlaps: findOverlaps(plan.data, { threshold }) })}\n`);
