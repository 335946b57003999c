import type { Inline, TrackedChange } from './blocks';

/** A run Word shows as inserted or deleted by `author`: a pending amendment, not yet the text. */
export type TrackedRun = {
  kind: 'tracked';
  change: 'insert' | 'delete';
  text: string;
  marks: Extract<Inline, { kind: 'text' }>['marks'];
  author: string;
  date: string;
  /** Unique in the document, as Word requires of each revision. */
  id: number;
};

/**
 * A numbered paragraph's runs with its pending amendments woven in: each amendment's passage, found as
 * the first stretch of one run that reads as it, is marked deleted (replace, delete) and followed by the
 * proposed words marked inserted (replace, insert). A passage that spans runs, or is not found, is left to
 * the annex.
 */
export function withTrackedChanges(
  inlines: readonly Inline[],
  changes: readonly TrackedChange[],
): Array<Inline | TrackedRun> {
  let out: Array<Inline | TrackedRun> = [...inlines];
  for (const change of changes) {
    const at = out.findIndex((i) => i.kind === 'text' && !i.link && i.text.includes(change.target));
    const run = out[at];
    if (!run || run.kind !== 'text') continue;
    const from = run.text.indexOf(change.target);
    const tracked = (kind: 'insert' | 'delete', text: string, id: number): TrackedRun => ({
      kind: 'tracked',
      change: kind,
      text,
      marks: run.marks,
      author: change.author,
      date: change.date,
      id,
    });
    const target = change.target;
    const middle: Array<Inline | TrackedRun> =
      change.kind === 'insert'
        ? [{ ...run, text: target }, tracked('insert', change.text, change.number * 2 + 1)]
        : [
            tracked('delete', target, change.number * 2),
            ...(change.kind === 'replace' ? [tracked('insert', change.text, change.number * 2 + 1)] : []),
          ];
    const before = run.text.slice(0, from);
    const after = run.text.slice(from + target.length);
    out = [
      ...out.slice(0, at),
      ...(before ? [{ ...run, text: before }] : []),
      ...middle,
      ...(after ? [{ ...run, text: after }] : []),
      ...out.slice(at + 1),
    ];
  }
  return out;
}
