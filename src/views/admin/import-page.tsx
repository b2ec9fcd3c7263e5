import type { AdminTranslate } from '../../i18n/admin-messages.ts';
import { AdminLayout } from './admin-layout.tsx';
import type { AdminChrome } from './admin-view-models.ts';

/** The import form: paste, upload or give a URL; it works without JavaScript. */
export function ImportPage(props: { chrome: AdminChrome; error?: string; pasted?: string; url?: string }) {
  const t = props.chrome.t;
  return (
    <AdminLayout chrome={props.chrome} title={t('import')}>
      <h1 safe>{t('import')}</h1>
      <p class="muted" safe>
        {t('importIntro')}
      </p>
      {props.error ? (
        <p class="error" role="alert" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/admin/import" enctype="multipart/form-data" class="import-form">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
        <label for="pasted" safe>
          {t('importPaste')}
        </label>
        <textarea id="pasted" name="pasted" rows="14" safe>
          {props.pasted ?? ''}
        </textarea>
        <label for="file" safe>
          {t('importFile')}
        </label>
        <input id="file" name="file" type="file" accept=".html,.htm,text/html" />
        <label for="url" safe>
          {t('importUrl')}
        </label>
        <input id="url" name="url" type="url" value={props.url ?? ''} placeholder="https://" aria-describedby="url-hint" />
        <small id="url-hint" class="hint" safe>
          {t('importUrlHint')}
        </small>
        <p>
          <button type="submit" class="primary" safe>
            {t('importRun')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}

/** A run of this many lines the draft left out (a menu, a list of links) is folded away. */
const FOLDED_RUN = 4;

/**
 * The original's lines in runs, each marked by whether the draft has it: a line is kept when the draft
 * holds it, or a stretch from its middle or its end (the draft may have taken a 电头 off its start).
 */
export function compareWithDraft(original: string, draftText: string): Array<{ kept: boolean; lines: string[] }> {
  const draft = draftText.replace(/\s+/g, '');
  const runs: Array<{ kept: boolean; lines: string[] }> = [];
  for (const line of original.split('\n')) {
    const bare = line.replace(/\s+/g, '');
    const middle = Math.floor(bare.length / 2);
    const probes = bare.length <= 12 ? [bare] : [bare.slice(middle - 6, middle + 6), bare.slice(-12)];
    const kept = bare.length >= 4 && probes.some((probe) => draft.includes(probe));
    const last = runs.at(-1);
    if (last && last.kept === kept) last.lines.push(line);
    else runs.push({ kept, lines: [line] });
  }
  return runs;
}

/** Shown above the editor with an imported draft: duplicates, stored pictures, the original text. */
export function ImportReview(props: {
  t: AdminTranslate;
  originalText: string;
  /** The draft's body as text: the original's lines it left out are shown faded, long runs folded. */
  draftText: string;
  /** The story already here; `update` when this editor may replace its text with the draft's (the form's fields, its version). */
  duplicate?: { reason: 'source-url' | 'similar-text'; title: string; url: string; update?: { action: string; version: number } };
  notes: string[];
}) {
  const t = props.t;
  return (
    <section class="import-review">
      <p class="notice" role="status" safe>
        {t('importReview')}
      </p>
      {props.duplicate ? (
        <p class="error" role="alert">
          <span safe>{props.duplicate.reason === 'source-url' ? t('importDuplicateUrl') : t('importDuplicateText')}</span>{' '}
          <a href={props.duplicate.url} safe>
            {props.duplicate.title}
          </a>{' '}
          <span safe>{props.duplicate.update ? t('importDuplicateUpdateHint') : t('importDuplicateHint')}</span>
        </p>
      ) : (
        ''
      )}
      {props.duplicate?.update ? (
        <p>
          {/* Submits the draft form below to the existing article; its text so far stays in the revisions. */}
          <button type="submit" form="article-form" formaction={props.duplicate.update.action} name="baseVersion" value={String(props.duplicate.update.version)} safe>
            {t('importUpdateExisting')}
          </button>
        </p>
      ) : (
        ''
      )}
      {props.notes.map((note) => (
        <p class="muted" safe>
          {note}
        </p>
      ))}
      <details class="import-original" open>
        <summary safe>{t('importOriginal')}</summary>
        <div class="original-text">
          {compareWithDraft(props.originalText, props.draftText).map((run) =>
            run.kept ? (
              <div safe>{run.lines.join('\n')}</div>
            ) : run.lines.length >= FOLDED_RUN ? (
              <details class="dropped">
                <summary safe>{t('importDroppedLines', { count: run.lines.length })}</summary>
                <div safe>{run.lines.join('\n')}</div>
              </details>
            ) : (
              <div class="dropped" safe>
                {run.lines.join('\n')}
              </div>
            ),
          )}
        </div>
      </details>
    </section>
  );
}
