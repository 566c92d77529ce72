/**
 * The result of reading an address, prefix or MAC from text (or of any addr operation that a
 * user's input can make fail). Parsers never throw on bad input and never guess: they return
 * `{ ok: false, error }` whose message starts with the text given and says what is wrong, e.g.
 * `2001:db8::1::1: '::' may appear only once`. A throw means a bug.
 */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Longest input echoed back in a message; longer text is cut with '…' (fuzzers send megabytes). */
const ECHO_MAX_CHARS = 60;

/** Shortens user text for a message. */
export function echoInput(input: string): string {
  return input.length > ECHO_MAX_CHARS ? `${input.slice(0, ECHO_MAX_CHARS)}…` : input;
}

/** A failure: `<input>: <reason>` (or the reason alone for empty input). */
export function parseError(input: string, reason: string): ParseResult<never> {
  return { ok: false, error: input === '' ? reason : `${echoInput(input)}: ${reason}` };
}

/** A failure whose message is already complete (no input to echo). */
export function failure(message: string): ParseResult<never> {
  return { ok: false, error: message };
}

/**
 * The reason part of a parser's message, without the leading `<input>: `, for callers that
 * name the input themselves (`'x' is not an IPv6 address: <reason>`).
 */
export function reasonOf(error: string, input: string): string {
  const prefix = `${echoInput(input)}: `;
  return input !== '' && error.startsWith(prefix) ? error.slice(prefix.length) : error;
}
