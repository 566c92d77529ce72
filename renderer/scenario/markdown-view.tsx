/**
 * Scenario instructions on screen: markdown.ts's blocks as React elements (text is always text:
 * nothing from a scenario file is set as HTML).
 */
import { Fragment, memo } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function InlineView({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.kind) {
          case 'text':
            return <Fragment key={index}>{node.text}</Fragment>;
          case 'code':
            return <code key={index}>{node.text}</code>;
          case 'strong':
            return (
              <strong key={index}>
                <InlineView nodes={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={index}>
                <InlineView nodes={node.children} />
              </em>
            );
        }
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The pane's own title is the h2: instruction headings start at h3.
      const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[block.level - 1] ?? 'h6';
      return (
        <Tag>
          <InlineView nodes={block.content} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineView nodes={block.content} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineView nodes={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case 'table':
      return (
        <div className="markdown__table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index}>
                    <InlineView nodes={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index}>
                      <InlineView nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'rule':
      return <hr />;
  }
}

function MarkdownViewInner({ source, testId }: { source: string; testId?: string }) {
  return (
    <div className="markdown" data-testid={testId}>
      {parseMarkdown(source).map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}

export const MarkdownView = memo(MarkdownViewInner);
