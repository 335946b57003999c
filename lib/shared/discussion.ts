/**
 * A passage of a section that a discussion message is about: its text as quoted, and where it stands
 * (base64 Yjs relative positions, which follow the text as it is edited).
 */
export type Quote = { text: string; from: string; to: string };

/** Longest passage a message quotes; its positions still cover the whole selection. */
export const QUOTE_MAX_CHARS = 1_000;

/** Longest message of a section's discussion. */
export const MESSAGE_MAX_CHARS = 4_000;

/** Most people and states one message names: each may notify someone, so a message cannot reach the whole plan by naming it. */
export const MENTIONS_MAX = 20;

/**
 * Someone a message names, chosen from the plan's members as it is written: a person, or a state (its
 * coordinator). `label` is how the message's text shows it, without the "@".
 */
export type Mention = ({ kind: 'person'; userId: string } | { kind: 'state'; code: string }) & { label: string };
