import { Command } from 'commander';
import type { Role } from '../db/schema.ts';
import { ROLES, systemActor } from '../domain/users/actor.ts';
import { CliError } from './cli-error.ts';
import { withMigratedDb } from './open-database.ts';

/** `inkstone user create|password`: accounts from the shell, passwords never on the command line. */
export function userCommand(): Command {
  const user = new Command('user').description('manage newsroom accounts');

  user
    .command('create')
    .description('create an account (the password is asked for, or read from stdin with --password-stdin)')
    .requiredOption('--username <username>', 'login name: lower-case letters, digits, . _ -')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')} (管理员, 总编, 编辑, 记者)`)
    .requiredOption('--name <realName>', 'real name, shown as 编辑 on published articles')
    .option('--channels <paths>', 'comma-separated channel paths the account works in, e.g. news,news/world')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { username: string; role: string; name: string; channels?: string; passwordStdin?: boolean }) => {
      if (!ROLES.includes(options.role as Role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
      const password = await readPassword(Boolean(options.passwordStdin));
      const [{ loadChannelTree }, { createUser }] = await Promise.all([import('../domain/channels/channel.service.ts'), import('../domain/users/user.service.ts')]);
      await withMigratedDb(async (db) => {
        const tree = await loadChannelTree(db);
        const channelIds = (options.channels ?? '')
          .split(',')
          .map((p) => p.trim().replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .map((p) => {
            const channel = tree.findByPath(p);
            if (!channel) throw new CliError(`no channel at path "${p}"`);
            return channel.id;
          });
        const created = await createUser(db, systemActor('cli'), {
          username: options.username,
          password,
          displayName: options.name,
          role: options.role as Role,
          channelIds,
        });
        console.log(`created ${created.role} "${created.username}" (${created.display_name})`);
      });
    });

  user
    .command('password')
    .description("set a user's password (ends all their sessions)")
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const password = await readPassword(Boolean(options.passwordStdin));
      const { changePassword } = await import('../domain/users/user.service.ts');
      await withMigratedDb(async (db) => {
        await changePassword(db, systemActor('cli'), username, password);
        console.log(`password of "${username}" changed; their sessions were ended`);
      });
    });
  return user;
}

/** From stdin (first line) when asked or when stdin is not a terminal; else a hidden prompt. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (!password) throw new CliError('no password on standard input');
    return password;
  }
  return promptHidden('Password / 密码: ');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          reject(new CliError('cancelled'));
          return;
        }
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}
