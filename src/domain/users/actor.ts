import type { Role } from '../../db/schema.ts';

/** Who is acting: a signed-in person, an API token, or the system (scheduler, demo, import). */
export interface Actor {
  userId: number | null;
  /** The real name shown as 编辑 and in the audit log. */
  name: string;
  username: string;
  role: Role;
  /** Channels an editor or reporter works in; chiefs and administrators work everywhere. */
  channelIds: readonly number[];
  ip: string;
}

export const ROLES: readonly Role[] = ['admin', 'chief', 'editor', 'reporter'];

export function systemActor(name = 'system'): Actor {
  return { userId: null, name, username: name, role: 'admin', channelIds: [], ip: '' };
}
