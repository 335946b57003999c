/** Length-prefixed binary records: how the orchestrator hands lists of Yjs updates to other processes. */
export function writeFrames(frames: readonly Uint8Array[]): Buffer {
  const out = Buffer.alloc(frames.reduce((n, f) => n + 4 + f.length, 0));
  let offset = 0;
  for (const frame of frames) {
    offset = out.writeUInt32LE(frame.length, offset);
    out.set(frame, offset);
    offset += frame.length;
  }
  return out;
}

export function readFrames(buffer: Buffer): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < buffer.length;) {
    const length = buffer.readUInt32LE(offset);
    offset += 4;
    frames.push(new Uint8Array(buffer.subarray(offset, offset + length)));
    offset += length;
  }
  return frames;
}
