import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Our own Marked instance: options set on the global `marked` would leak into every other user of the package.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

// Product descriptions are text with light formatting: no images, tables or headings above h3.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h3', 'h4', 'p', 'br', 'hr', 'blockquote', 'em', 'strong', 'del', 's', 'ul', 'ol', 'li', 'a', 'code'],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
};

/** Renders a product description (GitHub-flavoured Markdown) to safe HTML: no scripts, styles, images or handlers. */
export function renderDescription(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, SANITIZE);
}

/** The description as plain text (for meta descriptions and listings), at most `max` characters. */
export function plainDescription(source: string, max = 160): string {
  const text = sanitizeHtml(markdown.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
