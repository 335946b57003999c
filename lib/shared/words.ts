/**
 * Words as a reader sees them: runs of letters and digits. The server lists the words to mark by it and
 * the board splits the text by it, so the two agree on what a word is.
 */
export const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
