import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An email as the SMTP server received it, decoded: its recipients, subject and both bodies. */
export type ReceivedEmail = { to: string[]; subject: string; text: string; html: string; raw: string };

export type TestSmtpServer = {
  url: string;
  received: ReceivedEmail[];
  /** While true, every message is refused with a temporary error (451), as a server in trouble does. */
  refuse: boolean;
  close(): Promise<void>;
};

/** A real SMTP server on a free local port that keeps what it receives, for one test file. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state = { received: [] as ReceivedEmail[], refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse) {
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        state.received.push({ ...parseEmail(raw), to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Splits headers from body (the first blank line) and unfolds the headers. */
function split(part: string): { headers: Map<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: part.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes a non-ASCII subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function parseEmail(raw: string): Omit<ReceivedEmail, 'to' | 'raw'> {
  const { headers, body } = split(raw);
  const bodies = { text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const { headers: h, body: b } = split(part.replace(/^\r?\n/, ''));
    const decoded = decodeBody(b.trim(), h.get('content-transfer-encoding'));
    if (h.get('content-type')?.startsWith('text/html')) bodies.html = decoded;
    else if (h.get('content-type')?.startsWith('text/plain')) bodies.text = decoded;
  }
  return { subject: decodeWords(headers.get('subject') ?? ''), ...bodies };
}
