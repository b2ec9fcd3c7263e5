import { randomUUID } from 'node:crypto';

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
  /** Names this process in relayed changes, so it can ignore its own. */
  readonly origin = randomUUID();
  private readonly listeners = new Set<ChangeListener>();
  private relay: ChangeListener | undefined;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the transaction that made the change has committed. */
  publish(change: ContentChange): void {
    this.receive(change);
    this.relay?.(change);
  }

  /** A change committed by another process (another instance, a CLI import): tell local listeners only. */
  receive(change: ContentChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Sends every local change on to other processes as well (see postgres-change-relay.ts). */
  relayTo(send: ChangeListener | undefined): void {
    this.relay = send;
  }
}

/** A received payload, checked: anything that is not a change we know is ignored. */
export function parseContentChange(value: unknown): ContentChange | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const change = value as Record<string, unknown>;
  switch (change.kind) {
    case 'article':
      return Number.isInteger(change.articleId) && Array.isArray(change.channelIds) && change.channelIds.every(Number.isInteger)
        ? { kind: 'article', articleId: change.articleId as number, channelIds: change.channelIds as number[] }
        : undefined;
    case 'channels':
    case 'settings':
      return { kind: change.kind };
    case 'block':
      return typeof change.block === 'string' ? { kind: 'block', block: change.block } : undefined;
    default:
      return undefined;
  }
}
