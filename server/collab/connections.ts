import { CloseCode } from '../../lib/shared/close-codes';
import type { Connection } from './connection';

/** This instance's open collaboration connections. */
export class Connections implements Iterable<Connection> {
  private readonly open = new Set<Connection>();

  get size(): number {
    return this.open.size;
  }

  add(connection: Connection): void {
    this.open.add(connection);
  }

  delete(connection: Connection): void {
    this.open.delete(connection);
  }

  [Symbol.iterator](): Iterator<Connection> {
    return this.open.values();
  }

  /** At shutdown: tells every client to reconnect, to another instance or once this one is back. */
  close(): void {
    for (const connection of this.open) connection.close(CloseCode.GoingAway, 'server shutting down');
  }
}
