import { Plugin } from '@tiptap/pm/state';
import type { Awareness } from 'y-protocols/awareness';

/** How long a caret's label stays whole after its person moved or typed, in milliseconds. */
export const CARET_LABEL_MS = 2500;

type Change = { added: number[]; updated: number[]; removed: number[] };

/**
 * Shrinks another person's caret label to a small flag above the caret once they have been still for
 * CARET_LABEL_MS, and opens it again when they move or type: the name says who arrived or is typing,
 * then stops covering the line above, which is someone's text being read. The flag opens on hover.
 * Carets are found by `data-client` (caret-extension.ts), whether the cursor plugin drew them anew or kept them.
 */
export class CaretActivity {
  private readonly lastMoved = new Map<number, number>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private root: HTMLElement | null = null;

  constructor(private readonly awareness: Awareness) {}

  /** Whether a caret drawn now for `clientId` shows its whole label (a caret first seen counts as moved). */
  isFresh(clientId: number): boolean {
    if (!this.lastMoved.has(clientId)) this.moved(clientId);
    return Date.now() - (this.lastMoved.get(clientId) ?? 0) < CARET_LABEL_MS;
  }

  /** A ProseMirror plugin that follows the editor's DOM and the awareness while the editor lives. */
  plugin(): Plugin {
    const onChange = ({ added, updated, removed }: Change) => {
      for (const id of [...added, ...updated]) if (id !== this.awareness.clientID) this.moved(id);
      for (const id of removed) this.forget(id);
    };
    return new Plugin({
      view: (view) => {
        this.root = view.dom;
        this.awareness.on('change', onChange);
        return {
          destroy: () => {
            this.awareness.off('change', onChange);
            for (const id of [...this.timers.keys()]) this.forget(id);
            this.root = null;
          },
        };
      },
    });
  }

  private moved(clientId: number): void {
    this.lastMoved.set(clientId, Date.now());
    this.mark(clientId, false);
    clearTimeout(this.timers.get(clientId));
    this.timers.set(
      clientId,
      setTimeout(() => this.mark(clientId, true), CARET_LABEL_MS),
    );
  }

  private forget(clientId: number): void {
    clearTimeout(this.timers.get(clientId));
    this.timers.delete(clientId);
    this.lastMoved.delete(clientId);
  }

  private mark(clientId: number, idle: boolean): void {
    this.root
      ?.querySelectorAll(`.collab-caret[data-client="${clientId}"]`)
      .forEach((caret) => caret.classList.toggle('idle', idle));
  }
}
