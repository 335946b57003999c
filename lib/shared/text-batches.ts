/**
 * Texts in order, cut into batches of at most `maxItems` texts and `maxChars` characters (a text longer
 * than `maxChars` makes a batch of its own): what one request or one translation pipeline takes at once.
 */
export function* textBatches(
  texts: readonly string[],
  { maxItems = Infinity, maxChars }: { maxItems?: number; maxChars: number },
): Generator<string[]> {
  let batch: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (batch.length && (batch.length >= maxItems || chars + text.length > maxChars)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(text);
    chars += text.length;
  }
  if (batch.length) yield batch;
}
