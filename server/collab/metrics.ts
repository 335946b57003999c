import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The collaboration server's Prometheus metrics, in a registry of its own (one per server instance). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'concordia_' });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'concordia_connections',
      help: 'Open collaboration connections',
      labelNames: ['role', 'access'],
      registers,
    }),
    rooms: new Gauge({ name: 'concordia_rooms_loaded', help: 'Documents held in memory', registers }),
    decodedRooms: new Gauge({
      name: 'concordia_rooms_decoded',
      help: 'Documents held decoded for editing (the others, only read, are held encoded)',
      registers,
    }),
    largeMessages: new Counter({
      name: 'concordia_large_messages_total',
      help: 'Messages of 16 KiB and more: one frame deflated once for every socket (shared), one as the document is stored (stored), or through ws (compressed for that socket alone, or not at all)',
      labelNames: ['compression'],
      registers,
    }),
    updates: new Counter({ name: 'concordia_updates_total', help: 'Updates accepted from clients', registers }),
    droppedUpdates: new Counter({
      name: 'concordia_dropped_updates_total',
      help: 'Updates refused (read-only, attribution, limits)',
      labelNames: ['reason'],
      registers,
    }),
    refusedUpgrades: new Counter({
      name: 'concordia_refused_upgrades_total',
      help: 'Socket upgrades refused, by reason: no session, not allowed, too many attempts from one address, too many sockets for one session, headers not sent in time (any request)',
      labelNames: ['reason'],
      registers,
    }),
    droppedAwareness: new Counter({
      name: 'concordia_dropped_awareness_total',
      help: "Awareness entries left out: another user's client id, too many client ids on one socket, a state too large (relayed as who it is only)",
      labelNames: ['reason'],
      registers,
    }),
    flushSeconds: new Histogram({
      name: 'concordia_flush_seconds',
      help: 'Time to write one batch of updates to the database',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    persistenceQueue: new Gauge({
      name: 'concordia_persistence_queue_updates',
      help: 'Accepted updates not yet written to the database',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
