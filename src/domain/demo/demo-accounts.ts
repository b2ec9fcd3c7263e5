import type { Role } from '../../db/schema.ts';

/**
 * One newsroom account per role, printed at start-up so a newcomer can sign in at once.
 * The passwords are public by design: this is demo content, never a production setup.
 */
export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  /** Channel slugs the account works in (editors and reporters); chiefs and admins work everywhere. */
  channels: string[];
}

const NEWS_DESK = ['news', 'world', 'china', 'local', 'yaowen', 'focus', 'gov'];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'inkstone-admin', displayName: '周明远', role: 'admin', channels: [] },
  { username: 'chief', password: 'inkstone-chief', displayName: '李文华', role: 'chief', channels: [] },
  { username: 'editor', password: 'inkstone-editor', displayName: '陈思远', role: 'editor', channels: NEWS_DESK },
  { username: 'reporter', password: 'inkstone-reporter', displayName: '张晓雨', role: 'reporter', channels: ['local', 'world', 'china'] },
];

/** The demo accounts that still exist with their published password (so start-up may print them). */
export async function usableDemoAccounts(
  find: (username: string) => Promise<{ password_hash: string } | undefined>,
  verify: (hash: string, password: string) => Promise<boolean>,
): Promise<DemoAccount[]> {
  const usable: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await find(account.username);
    if (user && (await verify(user.password_hash, account.password))) usable.push(account);
  }
  return usable;
}
