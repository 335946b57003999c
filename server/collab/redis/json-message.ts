/** A JSON message as published on Redis. */
export function encodeJsonMessage(message: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message));
}

/** The JSON value another instance published; undefined when it is not JSON, for the schema to refuse. */
export function parseJsonMessage(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}
