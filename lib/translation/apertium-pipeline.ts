import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appError } from '../i18n/error-text';
import { decodeChunk, encodeChunk } from './stream-format';

export type PipelineOptions = {
  /** The shell pipeline of one Apertium mode in null-flush mode (`apertium-wblank-mode -z`). */
  readonly script: string;
  /**
   * Longest the pipeline may go without returning a chunk while some are waiting. Past it the pipeline
   * is taken as stuck: it is killed, its waiting chunks fail, and the next request starts a new one.
   * It bounds how long a caller waits on a translation that will never come.
   */
  readonly stallMs: number;
  /** A pipeline with nothing to do for this long exits, giving back its memory (about 50 MB). */
  readonly idleMs: number;
};

type Waiting = { resolve: (text: string) => void; reject: (error: Error) => void };

/** How much of the pipeline's stderr is kept to explain a failure. */
const STDERR_KEPT = 2000;

/**
 * One Apertium mode kept running: every paragraph is a NUL-terminated chunk, and the pipeline answers
 * each with one NUL-terminated chunk, in order. Keeping it running spares the half-second start of its
 * dozen processes for each paragraph a person edits; writing many chunks at once keeps every stage of
 * the pipeline busy, which is why a batch runs at the speed of its slowest stage.
 */
export class ApertiumPipeline {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly waiting: Waiting[] = [];
  private received = '';
  private stderr = '';
  private stallTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PipelineOptions) {}

  /** Translations of the texts, in order. */
  translate(texts: readonly string[]): Promise<string[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const child = this.running();
    const results = texts.map(
      (text) =>
        new Promise<string>((resolve, reject) => {
          this.waiting.push({ resolve, reject });
          child.stdin.write(encodeChunk(text));
        }),
    );
    this.armStall();
    return Promise.all(results);
  }

  /** Stops the pipeline; chunks still waiting fail. */
  close(): void {
    this.stop(appError('unavailable', 'translationClosed'));
  }

  private running(): ChildProcessWithoutNullStreams {
    clearTimeout(this.idleTimer);
    if (this.child) return this.child;
    // Its own process group, so that stopping it stops every stage of the pipeline.
    const child = spawn('bash', ['-c', this.options.script, 'apertium', '-n', ''], { detached: true, stdio: 'pipe' });
    this.child = child;
    this.received = '';
    this.stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (data: string) => this.receive(data));
    child.stderr.on('data', (data: string) => {
      this.stderr = (this.stderr + data).slice(-STDERR_KEPT);
    });
    // Writes to a pipeline that died fail here; the exit handler below reports it.
    child.stdin.on('error', () => {});
    child.on('error', (error) => this.stop(appError('unavailable', 'apertiumNotStarted', { reason: error.message })));
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      const why = this.stderr.trim() || `exit ${code ?? signal}`;
      this.stop(appError('unavailable', 'apertiumStopped', { reason: why }));
    });
    return child;
  }

  private receive(data: string): void {
    this.received += data;
    let end = this.received.indexOf('\0');
    while (end >= 0) {
      const chunk = this.received.slice(0, end);
      this.received = this.received.slice(end + 1);
      // Each stage echoes a NUL when its input ends; those carry nothing and nobody waits for them.
      this.waiting.shift()?.resolve(decodeChunk(chunk));
      end = this.received.indexOf('\0');
    }
    this.armStall();
  }

  private armStall(): void {
    clearTimeout(this.stallTimer);
    if (this.waiting.length === 0) {
      this.idleTimer = setTimeout(() => this.stop(null), this.options.idleMs);
      this.idleTimer.unref();
      return;
    }
    this.stallTimer = setTimeout(() => {
      // A string, not a number: ICU would group its digits ("20,000 ms") and the English would change.
      this.stop(appError('unavailable', 'apertiumStalled', { ms: String(this.options.stallMs) }));
    }, this.options.stallMs);
    this.stallTimer.unref();
  }

  private stop(error: Error | null): void {
    clearTimeout(this.stallTimer);
    clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = undefined;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    const waiting = this.waiting.splice(0);
    for (const w of waiting) w.reject(error ?? appError('unavailable', 'translationStopped'));
  }
}
