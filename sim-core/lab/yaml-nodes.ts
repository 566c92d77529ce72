/**
 * Walking a parsed YAML tree (the `yaml` library's nodes) by data path and reading node source
 * ranges: shared by the lab loader and the scenario loader so both report the same positions;
 * and the bounds both apply to a file before turning it into data (size, nesting, alias expansion).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair } from 'yaml';
import { bilingualMessage as msg, type ProblemMessage } from './problem-text';

export function keyText(pair: Pair): string | undefined {
  const key: unknown = pair.key;
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

export function childNode(node: unknown, segment: string | number): { node: unknown; offset: number } | undefined {
  if (isMap(node) && typeof segment === 'string') {
    const pair = node.items.find((item) => keyText(item) === segment);
    if (pair === undefined) return undefined;
    const value: unknown = pair.value;
    const offset = value !== null && rangeOf(value) !== undefined ? rangeStart(value) : rangeStart(pair.key);
    return { node: value, offset };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    if (item === undefined || item === null) return undefined;
    return { node: item, offset: rangeStart(item) };
  }
  return undefined;
}

export function rangeOf(node: unknown): readonly number[] | undefined {
  const range = (node as { range?: unknown } | null)?.range;
  return Array.isArray(range) ? (range as number[]) : undefined;
}

export function rangeStart(node: unknown): number {
  return rangeOf(node)?.[0] ?? 0;
}

/** End offset of a node (its value end, comments after it excluded when the library says so). */
export function rangeEnd(node: unknown): number | undefined {
  const range = rangeOf(node);
  return range === undefined ? undefined : (range[1] ?? range[0]);
}

// --- bounds on what a file may make the loader do ------------------------------------------------

/**
 * Limits on a lab or scenario file, checked before its YAML tree is turned into data: the yaml
 * library's `maxAliasCount` bounds how many aliases there are, not how much they expand to (an
 * alias to a 170 KB text used 999 times is 170 MB of configuration), so the expanded size is
 * measured here — nodes and characters, every alias counted as what it stands for, in time
 * linear in the tree (an anchor's size is computed once). Nesting is bounded too, so neither the
 * parser nor the loader recurses deep enough to overflow the stack.
 * A legitimate lab is far below every limit: 100,000 static routes are 5 MB of text.
 */
export const YAML_LIMITS = {
  /** Characters in the file. */
  maxFileChars: 64 * 1024 * 1024,
  /** Lists and mappings inside one another. */
  maxDepth: 64,
  /** Nodes after expanding aliases. */
  maxExpandedNodes: 1_000_000,
  /** Characters of all scalars after expanding aliases. */
  maxExpandedChars: 64 * 1024 * 1024,
  /** Characters of one text (a device's configuration is the longest). */
  maxScalarChars: 16 * 1024 * 1024,
} as const;

export interface YamlBoundProblem {
  readonly offset: number;
  readonly message: ProblemMessage;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The file's size, before parsing. */
export function checkFileSize(text: string): YamlBoundProblem | undefined {
  if (text.length <= YAML_LIMITS.maxFileChars) return undefined;
  const mb = (text.length / (1024 * 1024)).toFixed(0);
  const limit = YAML_LIMITS.maxFileChars / (1024 * 1024);
  return { offset: 0, message: msg(`the file is ${mb} MB of text; at most ${limit} MB is read`, `tệp có ${mb} MB văn bản; chỉ đọc tối đa ${limit} MB`) };
}

/** A parser error in words: the engine's stack overflow on deep nesting becomes what it means. */
export function describeYamlError(detail: string, severity: 'error' | 'warning'): ProblemMessage {
  if (/maximum call stack size exceeded/i.test(detail)) return nestedTooDeeply();
  return msg(detail, severity === 'error' ? `Sai cú pháp YAML: ${detail}` : `Cảnh báo YAML: ${detail}`);
}

function nestedTooDeeply(): ProblemMessage {
  return msg(
    `lists and mappings are nested more than ${YAML_LIMITS.maxDepth} levels deep here; a lab or scenario never needs that many`,
    `danh sách và mapping lồng nhau quá ${YAML_LIMITS.maxDepth} cấp ở đây; bài lab hay kịch bản không bao giờ cần nhiều như vậy`,
  );
}

interface Measure {
  nodes: number;
  chars: number;
  /** Levels of lists and mappings below and including this node. */
  height: number;
}

class BoundExceeded {
  constructor(readonly problem: YamlBoundProblem) {}
}

/** The first limit the document's tree passes, with where; undefined when it is within every limit. */
export function checkYamlBounds(yamlDocument: Document): YamlBoundProblem | undefined {
  const measured = new Map<unknown, Measure>();
  const inProgress = new Set<unknown>();
  let totalNodes = 0;
  let totalChars = 0;
  const measure = (node: unknown, depth: number): Measure => {
    if (depth > YAML_LIMITS.maxDepth) throw new BoundExceeded({ offset: rangeStart(node), message: nestedTooDeeply() });
    if (isAlias(node)) {
      const source: unknown = node.resolve(yamlDocument);
      if (source === undefined || inProgress.has(source)) return { nodes: 1, chars: 0, height: 0 };
      const known = measured.get(source) ?? measure(source, depth);
      if (depth + known.height > YAML_LIMITS.maxDepth + 1) throw new BoundExceeded({ offset: rangeStart(node), message: nestedTooDeeply() });
      count(node, known.nodes, known.chars);
      return known;
    }
    let result: Measure;
    if (isScalar(node)) {
      const value: unknown = node.value;
      const chars = typeof value === 'string' ? value.length : 1;
      if (chars > YAML_LIMITS.maxScalarChars) {
        throw new BoundExceeded({
          offset: rangeStart(node),
          message: msg(
            `this text is ${formatCount(chars)} characters long; at most ${formatCount(YAML_LIMITS.maxScalarChars)} are read`,
            `đoạn văn bản này dài ${formatCount(chars)} ký tự; chỉ đọc tối đa ${formatCount(YAML_LIMITS.maxScalarChars)} ký tự`,
          ),
        });
      }
      result = { nodes: 1, chars, height: 0 };
      count(node, 1, chars);
    } else if (isMap(node) || isSeq(node)) {
      inProgress.add(node);
      result = { nodes: 1, chars: 0, height: 1 };
      count(node, 1, 0);
      for (const item of node.items as unknown[]) {
        const parts: unknown[] = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          if (part === null || part === undefined) continue;
          const child = measure(part, depth + 1);
          result.nodes += child.nodes;
          result.chars += child.chars;
          result.height = Math.max(result.height, child.height + 1);
        }
      }
      inProgress.delete(node);
    } else {
      result = { nodes: 1, chars: 0, height: 0 };
    }
    if (typeof (node as { anchor?: unknown } | null)?.anchor === 'string') measured.set(node, result);
    return result;
  };
  const count = (node: unknown, nodes: number, chars: number): void => {
    totalNodes += nodes;
    totalChars += chars;
    if (totalNodes > YAML_LIMITS.maxExpandedNodes) {
      throw new BoundExceeded({
        offset: rangeStart(node),
        message: msg(
          `the file expands to more than ${formatCount(YAML_LIMITS.maxExpandedNodes)} values once its aliases (*name) are replaced by what they stand for; write the data out, or use fewer aliases`,
          `tệp mở rộng thành hơn ${formatCount(YAML_LIMITS.maxExpandedNodes)} giá trị khi thay các alias (*tên) bằng nội dung của chúng; hãy viết dữ liệu ra, hoặc dùng ít alias hơn`,
        ),
      });
    }
    if (totalChars > YAML_LIMITS.maxExpandedChars) {
      const limit = YAML_LIMITS.maxExpandedChars / (1024 * 1024);
      throw new BoundExceeded({
        offset: rangeStart(node),
        message: msg(
          `the file expands to more than ${limit} MB of text once its aliases (*name) are replaced by what they stand for; write the data out, or use fewer aliases`,
          `tệp mở rộng thành hơn ${limit} MB văn bản khi thay các alias (*tên) bằng nội dung của chúng; hãy viết dữ liệu ra, hoặc dùng ít alias hơn`,
        ),
      });
    }
  };
  try {
    if (yamlDocument.contents !== null) measure(yamlDocument.contents, 1);
    return undefined;
  } catch (error) {
    if (error instanceof BoundExceeded) return error.problem;
    throw error;
  }
}
