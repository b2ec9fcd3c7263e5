import type { ImageView } from '../view-models.ts';

/** A responsive image: WebP with a JPEG fallback, fixed dimensions (no layout shift), lazy unless told. */
export function Picture(props: { image: ImageView; sizes: string; eager?: boolean; class?: string }) {
  const { image } = props;
  return (
    <picture class={props.class}>
      <source type="image/webp" srcset={image.srcsetWebp} sizes={props.sizes} />
      <img
        src={image.src}
        srcset={image.srcsetJpeg}
        sizes={props.sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={props.eager ? 'eager' : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}
