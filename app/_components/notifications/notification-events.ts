const EVENT = 'concordia:notifications';

/** The server said the user's unread count changed (message 107, on any of the page's connections). */
export function announceUnread(unread: number): void {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: unread }));
}

export function onUnread(listener: (unread: number) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<number>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
