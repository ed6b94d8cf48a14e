// Email HTML made safe to show in the agent's browser: an allowlist of tags and attributes, no script, no event
// handler, no javascript: link, and no remote image (a tracking pixel would tell the sender the mail was read).
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'iframe'),
    'img', 'font', 'center',
  ],
  allowedAttributes: {
    // rel and target are set by transformTags below, which runs before this filter.
    a: ['href', 'name', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'title'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'style'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'style'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'style'],
    font: ['color'],
    '*': ['style', 'align', 'dir', 'lang'],
  },
  // Styles by property and value pattern: nothing that can load a URL (url(), @import, expression()).
  allowedStyles: {
    '*': {
      color: [/^[#a-z0-9(),.%\s]+$/i],
      'background-color': [/^[#a-z0-9(),.%\s]+$/i],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(bold|normal|\d{3})$/],
      'font-style': [/^(italic|normal)$/],
      'text-decoration': [/^(underline|line-through|none)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Inline images (cid:) are the mail's own attachments; remote ones are dropped.
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}
