import { LinkList } from '../components/link-list.tsx';
import { NewMediaList } from '../components/new-media-list.tsx';
import { Picture } from '../components/picture.tsx';
import { SiteLayout } from '../layouts/site-layout.tsx';
import type { LinkItem, PageHead, SiteChrome } from '../view-models.ts';

export interface ChannelBlock {
  name: string;
  url: string;
  kind: 'list' | 'photo';
  items: LinkItem[];
}

export interface HomePageProps {
  chrome: SiteChrome;
  head: PageHead;
  headline?: LinkItem;
  focus: LinkItem[];
  important: LinkItem[];
  blocks: ChannelBlock[];
}

/** The front page: headline, focus strip, 要闻, one block per channel, 新媒体. */
export function HomePage(props: HomePageProps) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <SiteLayout chrome={chrome} head={props.head}>
      <h1 class="visually-hidden" safe>
        {chrome.siteName}
      </h1>
      {props.headline ? (
        <section class="headline" aria-label={t('headline')}>
          <h2>
            <a href={props.headline.url} safe>
              {props.headline.title}
            </a>
          </h2>
          {props.headline.summary ? (
            <p safe>{props.headline.summary}</p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <div class="home-top">
        {props.focus.length ? (
          <section class="focus" aria-labelledby="focus-title">
            <h2 id="focus-title" class="panel-title" safe>
              {t('focus')}
            </h2>
            <ul class="focus-strip">
              {props.focus.map((item, index) => (
                <li>
                  <a href={item.url}>
                    {item.image ? <Picture image={item.image} sizes="(max-width: 720px) 90vw, 560px" eager={index === 0} /> : ''}
                    <span class="focus-title" safe>
                      {item.title}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <section class="panel important" aria-labelledby="important-title">
          <h2 id="important-title" class="panel-title" safe>
            {t('important')}
          </h2>
          <LinkList items={props.important} withDates />
        </section>
      </div>
      <div class="channel-blocks">
        {props.blocks.map((block) => (
          <section class={`panel channel-block ${block.kind}`}>
            <h2 class="panel-title">
              <a href={block.url} safe>
                {block.name}
              </a>
              <a class="more" href={block.url} aria-hidden="true" tabindex="-1" safe>
                {t('more')}
              </a>
            </h2>
            {block.kind === 'photo' ? <PhotoGrid items={block.items} /> : <LinkList items={block.items} withDates />}
          </section>
        ))}
        <NewMediaList items={chrome.newMedia} t={t} withImages />
      </div>
    </SiteLayout>
  );
}

export function PhotoGrid(props: { items: LinkItem[] }) {
  return (
    <ul class="photo-grid">
      {props.items.map((item) => (
        <li>
          <a href={item.url}>
            {item.image ? <Picture image={item.image} sizes="(max-width: 720px) 50vw, 240px" /> : ''}
            <span safe>{item.title}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
