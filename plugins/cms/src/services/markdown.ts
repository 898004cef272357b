import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Our own Marked instance: options set on the global `marked` would leak into every other user of the package.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    // `rel` is always overwritten by the transform below.
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  // Relative URLs stay allowed (links to other pages and media); only these schemes may appear in absolute ones.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
};

/** Sanitises HTML down to what content pages may contain: no scripts, event handlers, styles or `javascript:` URLs. */
export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Renders page Markdown to safe HTML (GitHub-flavoured Markdown, raw HTML sanitised). */
export function renderMarkdown(source: string): string {
  return sanitizeContentHtml(markdown.parse(source) as string);
}
