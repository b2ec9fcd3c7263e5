import { Breadcrumb } from '../components/breadcrumb.tsx';
import { LinkList } from '../components/link-list.tsx';
import { Pager } from '../components/pager.tsx';
import { SiteLayout, WithSidebar } from '../layouts/site-layout.tsx';
import type { Crumb, LinkItem, NavItem, PageHead, Pagination, SiteChrome } from '../view-models.ts';
import { PhotoGrid } from './home-page.tsx';

export interface ChannelPageProps {
  chrome: SiteChrome;
  head: PageHead;
  crumbs: Crumb[];
  name: string;
  description: string;
  kind: 'list' | 'photo' | 'topics' | 'section';
  subChannels: NavItem[];
  items: LinkItem[];
  pagination: Pagination;
}

/** A channel or sub-channel: its sub-channels as tabs, then a paged list (or photo grid). */
export function ChannelPage(props: ChannelPageProps) {
  const { chrome } = props;
  const t = chrome.t;
  return (
    <SiteLayout chrome={chrome} head={props.head}>
      <Breadcrumb crumbs={props.crumbs} t={t} />
      <WithSidebar chrome={chrome}>
        <section class="channel">
          <h1 class="channel-title" safe>
            {props.name}
          </h1>
          {props.description ? (
            <p class="channel-description" safe>
              {props.description}
            </p>
          ) : (
            ''
          )}
          {props.subChannels.length ? (
            <ul class="sub-channels">
              {props.subChannels.map((sub) => (
                <li>
                  <a href={sub.url} aria-current={sub.current ? 'page' : undefined} safe>
                    {sub.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {props.items.length === 0 ? (
            <p class="empty" safe>
              {props.kind === 'section' ? t('sectionComing') : t('noArticles')}
            </p>
          ) : props.kind === 'photo' ? (
            <PhotoGrid items={props.items} />
          ) : (
            <LinkList items={props.items} withDates class="channel-list" />
          )}
          <Pager pagination={props.pagination} t={t} />
        </section>
      </WithSidebar>
    </SiteLayout>
  );
}
