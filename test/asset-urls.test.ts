import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from './helpers/databases.ts';
import { makeChannels } from './helpers/factories.ts';
import { makeUser, signIn } from './helpers/newsroom.ts';
import { type TestApp, buildTestApp } from './helpers/test-app.ts';

const hrefOf = (html: string, pattern: RegExp) => pattern.exec(html)?.[1] ?? '';

/**
 * Stylesheets and scripts are cached by browsers for a day, so their URLs carry a hash of their
 * content: after an upgrade, readers and the newsroom load the new CSS at once, not tomorrow.
 */
describeEachDialect('asset URLs', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('carry a content hash on the portal and in the newsroom, and serve the file; the tab icon exists', async () => {
    t = await buildTestApp(dialect);
    const { world } = await makeChannels(t.db);
    await makeUser(t.db, 'editor', 'editor', [world.id]);

    const siteCss = hrefOf((await t.app.inject('/')).body, /<link rel="stylesheet" href="([^"]+)"/);
    expect(siteCss).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{10}$/);
    const served = await t.app.inject(siteCss);
    expect(served.statusCode).toBe(200);
    expect(served.body).toBe(readFileSync(new URL('../src/views/assets/site.css', import.meta.url), 'utf8'));

    // The tab icon: linked from every portal page, and /favicon.ico leads to it for the rest.
    const icon = hrefOf((await t.app.inject('/')).body, /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/);
    expect(icon).toMatch(/^\/assets\/favicon\.svg\?v=[0-9a-f]{10}$/);
    expect((await t.app.inject(icon)).headers['content-type']).toContain('image/svg+xml');
    const legacy = await t.app.inject('/favicon.ico');
    expect(legacy.statusCode).toBe(301);
    expect(legacy.headers.location).toBe(icon);

    const login = (await t.app.inject('/admin/login')).body;
    expect(hrefOf(login, /<link rel="stylesheet" href="([^"]+)"/)).toMatch(/^\/assets\/admin\.css\?v=[0-9a-f]{10}$/);
    const editor = await signIn(t.app, 'editor');
    const blocks = (await editor.get('/admin/blocks')).body;
    expect(hrefOf(blocks, /<script src="([^"]+)"/)).toMatch(/^\/assets\/blocks-order\.js\?v=[0-9a-f]{10}$/);
    const write = (await editor.get('/admin/articles/new')).body;
    expect(hrefOf(write, /<script type="module" src="([^"]+)"/)).toMatch(/^\/admin\/assets\/editor\.js\?v=[0-9a-f]{10}$/);
  });
});
