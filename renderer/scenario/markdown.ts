/**
 * Scenario instructions and hints (CommonMark with GitHub tables and strikethrough) parsed by
 * markdown-it into a small tree of plain data that React renders as elements: nothing from a
 * scenario file is ever set as HTML. markdown-it runs in linear time and caps nesting
 * (`maxNesting`), so a hostile file (60 KB of `*a `, `'*_'.repeat(5000)`) neither stalls the UI
 * thread nor overflows the stack; the tree is built with an explicit stack, not recursion. A text
 * whose blocks nest deeper than markdown-it reads (where it would drop the rest) is shown as it
 * is written, in a preformatted block.
 *
 * Raw HTML is shown as the text it is (`html: false`); bare URLs stay text (`linkify: false`);
 * a [link](…) is shown as its text with its target beside it as a tooltip (the app opens
 * nothing, and markdown-it's own validateLink already refuses `javascript:` and `data:`
 * targets); an image shows its alt text. Headings start at h3 (the pane's own title is the h2).
 * Leaves out: typographic replacements, footnotes, anything beyond markdown-it's core rules.
 */
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** The elements the tree may hold: a fixed list, so a token type markdown-it adds later is text. */
export type MarkdownTag =
  | 'p' | 'h3' | 'h4' | 'h5' | 'h6' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre' | 'code' | 'hr' | 'br'
  | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td' | 'strong' | 'em' | 's' | 'link';

export type TextAlign = 'left' | 'center' | 'right';

export type MarkdownNode =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'element';
      readonly tag: MarkdownTag;
      readonly children: MarkdownNode[];
      /** An ordered list's first number (when not 1). */
      readonly start?: number;
      /** A table cell's alignment. */
      readonly align?: TextAlign;
      /** A link's target, shown as a tooltip only. */
      readonly title?: string;
    };

/** How deep markdown-it nests before it treats the rest as text (its default is 100). */
export const MAX_NESTING = 40;

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false, maxNesting: MAX_NESTING });

const CONTAINERS: Readonly<Record<string, MarkdownTag>> = {
  paragraph: 'p',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  blockquote: 'blockquote',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  strong: 'strong',
  em: 'em',
  s: 's',
  link: 'link',
};

const HEADINGS: readonly MarkdownTag[] = ['h3', 'h3', 'h4', 'h5', 'h6', 'h6', 'h6'];

type Element = Extract<MarkdownNode, { kind: 'element' }>;

function alignOf(token: Token): TextAlign | undefined {
  const style = token.attrGet('style');
  if (typeof style === 'number') return undefined;
  const match = style === null ? null : /^text-align:(left|center|right)$/.exec(style);
  return match ? (match[1] as TextAlign) : undefined;
}

function openElement(token: Token): Element | 'transparent' {
  const base = token.type.slice(0, -'_open'.length);
  // Paragraphs of a tight list are hidden by markdown-it: their text goes straight in the item.
  if (base === 'paragraph' && token.hidden) return 'transparent';
  if (base === 'heading') return { kind: 'element', tag: HEADINGS[Number(token.tag.slice(1))] ?? 'h6', children: [] };
  const tag = CONTAINERS[base];
  if (tag === undefined) return 'transparent';
  if (tag === 'ol') {
    const start = Number(token.attrGet('start') ?? 1);
    return Number.isSafeInteger(start) && start !== 1 ? { kind: 'element', tag, children: [], start } : { kind: 'element', tag, children: [] };
  }
  if (tag === 'th' || tag === 'td') {
    const align = alignOf(token);
    return align === undefined ? { kind: 'element', tag, children: [] } : { kind: 'element', tag, children: [], align };
  }
  if (tag === 'link') {
    const raw = token.attrGet('href');
    const href = raw === null ? null : String(raw);
    return href === null ? { kind: 'element', tag, children: [] } : { kind: 'element', tag, children: [], title: href };
  }
  return { kind: 'element', tag, children: [] };
}

/** Parses markdown into the tree React renders: linear in the input, never deeper than MAX_NESTING. */
export function parseMarkdown(source: string): MarkdownNode[] {
  const root: MarkdownNode[] = [];
  // One entry per open token: the children array new nodes go into.
  const stack: MarkdownNode[][] = [root];
  const top = () => stack[stack.length - 1]!;
  const pushText = (text: string) => {
    if (text === '') return;
    const into = top();
    const last = into[into.length - 1];
    if (last?.kind === 'text') into[into.length - 1] = { kind: 'text', text: last.text + text };
    else into.push({ kind: 'text', text });
  };
  const visit = (token: Token) => {
    if (token.nesting === 1) {
      const opened = openElement(token);
      if (opened === 'transparent') stack.push(top());
      else {
        top().push(opened);
        stack.push(opened.children);
      }
      return;
    }
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      return;
    }
    switch (token.type) {
      case 'text':
        pushText(token.content);
        return;
      case 'softbreak':
        pushText(' ');
        return;
      case 'hardbreak':
        top().push({ kind: 'element', tag: 'br', children: [] });
        return;
      case 'code_inline':
        top().push({ kind: 'element', tag: 'code', children: [{ kind: 'text', text: token.content }] });
        return;
      case 'fence':
      case 'code_block':
        top().push({ kind: 'element', tag: 'pre', children: [{ kind: 'element', tag: 'code', children: [{ kind: 'text', text: token.content.replace(/\n$/, '') }] }] });
        return;
      case 'hr':
        top().push({ kind: 'element', tag: 'hr', children: [] });
        return;
      case 'image':
        // The alt text (markdown-it keeps it as the image's children).
        for (const child of token.children ?? []) visit(child);
        return;
      case 'inline':
        for (const child of token.children ?? []) visit(child);
        return;
      default:
        // html_inline / html_block cannot occur with html: false; anything else is its text.
        pushText(token.content);
    }
  };
  const tokens = parser.parse(source, {});
  // markdown-it stops reading blocks nested MAX_NESTING deep and drops the rest: show such a
  // text as it is written rather than lose part of it.
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) return [{ kind: 'element', tag: 'pre', children: [{ kind: 'text', text: source }] }];
  for (const token of tokens) visit(token);
  return root;
}

/** The plain text of a tree (for tests and accessible names). */
export function markdownText(nodes: readonly MarkdownNode[]): string {
  let out = '';
  const pending: MarkdownNode[] = [...nodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'text') out += node.text;
    else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return out;
}
