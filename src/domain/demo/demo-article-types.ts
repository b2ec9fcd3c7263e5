/** Shapes of the demo article data (plain data; `create-demo.ts` turns it into articles). */

/** A paragraph, a subheading, or a figure made from one of the demo images (by key). */
export type DemoBlock =
  | string
  | { h: string }
  | {
      img: string;
      caption: string;
      /** Defaults to the image's own credit. */
      credit?: string;
      /** Defaults to the image's own alt text. */
      alt?: string;
    };

export interface DemoRepost {
  source: string;
  url: string;
  originalTitle: string;
  originalAuthor: string;
}

export interface DemoArticle {
  /** Slug of the channel (sub-channel slugs are unique in the demo tree). */
  channel: string;
  /** How long before `now` the article was published. */
  hoursAgo: number;
  title: string;
  subtitle?: string;
  summary: string;
  /** "{date}" is replaced by the publish date, e.g. 5月18日. */
  dateline: string;
  /** Absent for own stories. */
  repost?: DemoRepost;
  reporters: string[];
  /** Defaults to the photographers named in the figures' credits. */
  photographers?: string[];
  editor: string;
  keywords: string[];
  headline?: boolean;
  focus?: boolean;
  top?: boolean;
  body: DemoBlock[];
}
