import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseOpenError } from '../db/database-open-error.ts';
import { CliError } from './cli-error.ts';
import { extractCommand } from './extract.command.ts';
import { importCommand } from './import.command.ts';
import { withMigratedDb } from './open-database.ts';
import { registerReindexCommand } from './reindex.command.ts';
import { userCommand } from './user.command.ts';

// Each command loads what it needs when it runs (the server, the database drivers, sharp), so
// `inkstone extract` and `--help` start in a fraction of the time `serve` takes.

const program = new Command('inkstone')
  .description('Inkstone: news portal and newsroom / 新闻门户与采编系统')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('run the portal and newsroom (migrates the database first)')
  .option('--demo-if-empty', 'create the demo portal when the database has no channels yet')
  .action(async (options: { demoIfEmpty?: boolean }) => {
    const [{ closeOnSignals, startServer }, { isEmpty }, { createDemo }, { usableDemoAccounts }, { verifyPassword }, { findUserByUsername }, { searchIndexIsMissing }] =
      await Promise.all([
        import('../server.ts'),
        import('../db/reset.ts'),
        import('../domain/demo/create-demo.ts'),
        import('../domain/demo/demo-accounts.ts'),
        import('../domain/users/password.ts'),
        import('../domain/users/user.service.ts'),
        import('../domain/search/reindex.service.ts'),
      ]);
    const config = loadConfig();
    let demoCreated = false;
    const server = await startServer(config, {
      async prepare(db) {
        if (options.demoIfEmpty && (await isEmpty(db))) {
          console.log('empty database: creating the demo portal…');
          await createDemo(db, config.dataDir);
          demoCreated = true;
        }
      },
    });
    closeOnSignals(server);
    const accounts = options.demoIfEmpty ? await usableDemoAccounts((u) => findUserByUsername(server.db, u), verifyPassword) : [];
    console.log('');
    console.log(`  Inkstone is running${demoCreated ? ' with demo content' : ''}.`);
    console.log(`  Portal / 门户:     ${server.url}`);
    console.log(`  Newsroom / 采编:   ${server.url}admin`);
    for (const account of accounts) {
      console.log(`    ${account.role.padEnd(8)} ${account.username.padEnd(9)} password: ${account.password}  (${account.displayName})`);
    }
    console.log(`  Database:          ${describeDatabase(config.database)}`);
    if (await searchIndexIsMissing(server.db)) {
      console.log('  Search index is empty / 搜索索引为空: run `npx inkstone reindex` (search finds nothing until then).');
    }
    console.log('  Stop with Ctrl+C.');
    console.log('');
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const [{ createDb }, { migrateToLatest }] = await Promise.all([import('../db/create-db.ts'), import('../db/migrate.ts')]);
    const db = await createDb(loadConfig().database);
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await db.close();
    }
  });

program
  .command('demo')
  .description('create the demo portal in an empty database')
  .option('--reset', 'delete ALL content first, then recreate the demo')
  .action(async (options: { reset?: boolean }) => {
    const [{ deleteAllContent, isEmpty }, { createDemo }] = await Promise.all([import('../db/reset.ts'), import('../domain/demo/create-demo.ts')]);
    await withMigratedDb(async (db) => {
      if (options.reset) await deleteAllContent(db);
      else if (!(await isEmpty(db))) throw new CliError('the database already has content; use `inkstone demo --reset` to replace it');
      const summary = await createDemo(db, loadConfig().dataDir);
      console.log(`demo created: ${summary.channels} channels, ${summary.articles} articles, ${summary.media} images`);
    });
  });

program.addCommand(extractCommand);
program.addCommand(importCommand);
program.addCommand(userCommand());

function describeDatabase(database: ReturnType<typeof loadConfig>['database']): string {
  return database.dialect === 'sqlite' ? `SQLite ${database.file}` : 'PostgreSQL';
}

registerReindexCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Expected failures are one line; anything else adds its stack only when asked (INKSTONE_DEBUG=1).
  const known = error instanceof CliError || error instanceof ConfigError || error instanceof DatabaseOpenError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`inkstone: ${message.split('\n')[0]}`);
  if (!known && process.env.INKSTONE_DEBUG) console.error(error);
  process.exit(1);
}
