/**
 * What changed in the content, told after the change is committed. The page cache, feeds and
 * webhooks listen here; the domain never needs to know who listens.
 */
export type ContentChange =
  | { kind: 'article'; articleId: number; channelIds: number[] }
  | { kind: 'channels' }
  | { kind: 'settings' }
  | { kind: 'block'; block: string };

export type ChangeListener = (change: ContentChange) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the transaction that made the change has committed. */
  publish(change: ContentChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
