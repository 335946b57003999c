/**
 * A passage of a section that a discussion message is about: its text as quoted, and where it stands
 * (base64 Yjs relative positions, which follow the text as it is edited).
 */
export type Quote = { text: string; from: string; to: string };

/** Longest passage a message quotes; its positions still cover the whole selection. */
export const QUOTE_MAX_CHARS = 1_000;

/** Longest message of a section's discussion. */
export const MESSAGE_MAX_CHARS = 4_000;
