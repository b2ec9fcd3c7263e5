import { sql } from 'kysely';
import pg from 'pg';
import { type ContentChange, parseContentChange } from './change-feed.ts';
import type { Db } from './create-db.ts';

/**
 * Several instances (and CLI commands) share one PostgreSQL database; each keeps its own page
 * cache and site-context memo. Every committed change is therefore also sent with NOTIFY, and
 * each server LISTENs and hands what other processes changed to its local listeners, so a
 * publish on one instance purges the pages of all of them.
 *
 * The channel is named after the schema, so two sites (or two test schemas) in one database do
 * not hear each other. Payloads carry the sender's id: a process ignores its own changes, which
 * its listeners already heard.
 */

interface Envelope {
  from: string;
  change: ContentChange;
}

const RECONNECT_MS = 1000;
const channels = new WeakMap<Db, Promise<string>>();

function channelOf(db: Db): Promise<string> {
  let channel = channels.get(db);
  if (!channel) {
    channel = sql<{ schema: string }>`select current_schema() as schema`
      .execute(db.kysely)
      .then(({ rows }) => `inkstone_changes_${rows[0]?.schema ?? 'public'}`.slice(0, 63));
    channels.set(db, channel);
  }
  return channel;
}

/** Sends every change this process commits to the other processes on the database. */
export function relayChangesOut(db: Db): void {
  db.changes.relayTo((change) => {
    const envelope: Envelope = { from: db.changes.origin, change };
    channelOf(db)
      .then((channel) => sql`select pg_notify(${channel}, ${JSON.stringify(envelope)})`.execute(db.kysely))
      // The change is committed and local caches are purged; a lost notification only leaves other
      // instances stale, and the database being unreachable shows up in every request anyway.
      .catch(() => {});
  });
}

export interface ChangeListening {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Listens on its own connection (LISTEN needs one that stays open) and reconnects after errors.
 * After a reconnect it cannot know what it missed, so it reports a settings change, which makes
 * the page cache and the site context start afresh.
 */
export function listenForChanges(db: Db, url: string, onError: (error: Error) => void = () => {}): ChangeListening {
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const deliver = (payload: string | undefined) => {
    let envelope: Partial<Envelope>;
    try {
      envelope = JSON.parse(payload ?? '') as Partial<Envelope>;
    } catch {
      return;
    }
    const change = parseContentChange(envelope.change);
    if (change && envelope.from !== db.changes.origin) db.changes.receive(change);
  };

  const retry = () => {
    if (stopped || timer) return;
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = undefined;
    timer = setTimeout(() => {
      timer = undefined;
      connect(false).catch((error: Error) => {
        onError(error);
        retry();
      });
    }, RECONNECT_MS);
  };

  const connect = async (first: boolean) => {
    const channel = await channelOf(db);
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) deliver(message.payload);
    });
    next.on('error', (error) => {
      onError(error);
      retry();
    });
    next.on('end', retry);
    client = next;
    await next.connect();
    await next.query(`listen "${channel.replace(/"/g, '""')}"`);
    if (!first) db.changes.receive({ kind: 'settings' });
  };

  const stop = async () => {
    stopped = true;
    clearTimeout(timer);
    const last = client;
    client = undefined;
    last?.removeAllListeners();
    await last?.end().catch(() => {});
  };
  const ready = connect(true).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { ready, stop };
}
