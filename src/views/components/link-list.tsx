import type { LinkItem } from '../view-models.ts';

/** The dense headline list of a Chinese portal: title left, date right. */
export function LinkList(props: { items: LinkItem[]; withDates?: boolean; class?: string }) {
  return (
    <ul class={['link-list', props.class]}>
      {props.items.map((item) => (
        <li>
          <a href={item.url} safe>
            {item.title}
          </a>
          {props.withDates && item.date ? (
            <time class="date" safe>
              {item.date}
            </time>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}
