/**
 * Scenario instructions on screen: markdown.ts's tree as React elements (text is always text:
 * nothing from a scenario file is set as HTML). The tree is at most MAX_NESTING deep, so the
 * recursion here is bounded.
 */
import { createElement, memo, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type MarkdownNode } from './markdown';

function renderNodes(nodes: readonly MarkdownNode[]): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, index));
}

function renderNode(node: MarkdownNode, key: number): ReactNode {
  if (node.kind === 'text') return node.text;
  const children = renderNodes(node.children);
  switch (node.tag) {
    case 'br':
    case 'hr':
      return createElement(node.tag, { key });
    case 'link':
      return (
        <span key={key} className="markdown__link" title={node.title}>
          {children}
        </span>
      );
    case 'table':
      return (
        <div key={key} className="markdown__table">
          <table>{children}</table>
        </div>
      );
    case 'ol':
      return (
        <ol key={key} start={node.start}>
          {children}
        </ol>
      );
    case 'th':
    case 'td':
      return createElement(node.tag, { key, style: node.align === undefined ? undefined : { textAlign: node.align } }, ...children);
    default:
      return createElement(node.tag, { key }, ...children);
  }
}

function MarkdownViewInner({ source, testId }: { source: string; testId?: string }) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown" data-testid={testId}>
      {renderNodes(tree)}
    </div>
  );
}

export const MarkdownView = memo(MarkdownViewInner);
