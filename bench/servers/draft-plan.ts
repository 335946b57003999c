import { config } from '../../lib/env';
import { startServer } from '../../server/start';
import type { PlanSize } from '../plan-text';
import { growPlan } from './grow-plan';

/**
 * Grows the demo plan to a synthetic plan in a process of its own, on the database its environment
 * names (the orchestrator's choice), and prints the plan as one line of JSON: for scripts that then
 * start the built app on that database (bench/plan-page.ts).
 */
const size = JSON.parse(process.argv[2] ?? '') as PlanSize;
const server = await startServer({ config: config(), port: 0, seed: true });
try {
  console.log(JSON.stringify(await growPlan(server.database.db, size)));
} finally {
  await server.close();
}
