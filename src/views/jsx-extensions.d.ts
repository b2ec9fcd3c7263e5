// Attributes @kitajs/html's element types do not list yet but browsers use.
declare namespace JSX {
  interface HtmlImageTag {
    sizes?: string;
    fetchpriority?: 'high' | 'low' | 'auto';
  }
  interface HtmlSourceTag {
    sizes?: string;
  }
}
