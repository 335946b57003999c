/** WebSocket close codes (4000–4999 are the application's) understood by the server and the editor. */
export const CloseCode = {
  /** Server shutting down: reconnect, possibly to another instance. */
  GoingAway: 1001,
  /** The message could not be decoded as y-websocket protocol. */
  Malformed: 4400,
  /** The session expired or was revoked while connected. */
  Unauthenticated: 4401,
  /** No longer allowed to read this room (removed from the plan). */
  Forbidden: 4403,
  /** The room's section was deleted. */
  Gone: 4404,
  /** A single message exceeded the size limit. */
  TooLarge: 4413,
  /** The client sent messages faster than allowed; reconnecting resyncs without loss. */
  TooFast: 4429,
  /**
   * The session already holds as many sockets as it may (COLLAB_MAX_SOCKETS_PER_SESSION). In the 4500s,
   * which stock providers take as "try again later": it gets in once another of the session's sockets closes.
   */
  TooManySockets: 4529,
} as const;
