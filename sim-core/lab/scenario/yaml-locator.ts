/**
 * Positions in a parsed YAML document for the scenario loader: the node at a data path
 * (`['tasks', 0, 'checks', 1, 'to']`), the file line and column of it (or of the deepest part
 * of the path that exists, e.g. the mapping missing a key), of a key, and where the content of
 * a block scalar starts (`commands: |`), so "line 3 of R1's solution" becomes a file line with
 * load-lab.ts's `locateConfigLine`.
 */
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { childNode, keyText, rangeStart } from '../yaml-nodes';
import type { ConfigOrigin, SourcePosition } from '../load-lab';

export type DataPath = readonly (string | number)[];

export class YamlLocator {
  constructor(
    private readonly text: string,
    private readonly yamlDocument: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  positionOfOffset(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  /** The node at a path, or undefined when the path leaves the tree. */
  nodeAt(path: DataPath): unknown {
    let node: unknown = this.yamlDocument.contents;
    for (const segment of path) {
      const next = childNode(node, segment);
      if (next === undefined) return undefined;
      node = next.node;
    }
    return node;
  }

  /** Offset of the deepest node along the path that exists. */
  offsetOf(path: DataPath): number {
    let node: unknown = this.yamlDocument.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      const next = childNode(node, segment);
      if (next === undefined) break;
      node = next.node;
      offset = next.offset;
    }
    return offset;
  }

  positionOf(path: DataPath): SourcePosition {
    return this.positionOfOffset(this.offsetOf(path));
  }

  /** Position of `key` inside the mapping at `path` (the mapping when the key is not there). */
  keyPositionOf(path: DataPath, key: string): SourcePosition {
    const map = this.nodeAt(path);
    if (isMap(map)) {
      const pair = map.items.find((item) => keyText(item) === key);
      if (pair !== undefined) return this.positionOfOffset(rangeStart(pair.key));
    }
    return this.positionOf(path);
  }

  /**
   * Where the text of the scalar at `path` starts: for a literal block (`|`), the first content
   * line and its indentation (exact for every line); otherwise the scalar's first character.
   */
  scalarOrigin(path: DataPath): ConfigOrigin | undefined {
    const node = this.nodeAt(path);
    if (!isScalar(node)) return undefined;
    const range = node.range;
    const start = range?.[0] ?? 0;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const headerLine = this.positionOfOffset(start).line;
      const contentStart = this.text.indexOf('\n', start) + 1;
      const body = this.text.slice(contentStart, range?.[1] ?? this.text.length);
      const indent = /^(?:[ \t]*\r?\n)*( *)/.exec(body)?.[1]?.length ?? 0;
      return { line: headerLine + 1, column: indent + 1, exact: node.type === 'BLOCK_LITERAL' };
    }
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    return { ...this.positionOfOffset(start + quoted), exact: false };
  }
}
