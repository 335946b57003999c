import type { Duplex } from 'node:stream';

/** Node's own answers to a request it could not read, written only when nothing was sent yet. */
const ANSWERS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n',
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};
const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

/**
 * Answers a connection whose request the HTTP server could not read, as Node does without a
 * 'clientError' listener, and says when it was one whose headers did not arrive in time (headersTimeout):
 * a handshake left half-sent, to count.
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  onHeadersTimeout: () => void,
): void {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') onHeadersTimeout();
  const written = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
  if (socket.writable && written === 0) socket.write(ANSWERS[error.code ?? ''] ?? BAD_REQUEST);
  socket.destroy();
}
