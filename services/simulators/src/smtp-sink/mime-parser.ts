// Just enough RFC 5322 / MIME to show what our notification service sends (nodemailer): the
// headers, the Subject's encoded-words, and the text/plain and text/html bodies in
// quoted-printable, base64 or 8bit, nested multiparts included. Lenient: it never throws.
// Attachments and other parts are ignored.

export interface ParsedMessage {
  /** Lower-case names; encoded-words decoded; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** Line breaks as "\n". Empty when the message has no text/plain part. */
  text: string;
  html?: string;
}

interface Entity {
  headers: Map<string, string>;
  body: Buffer;
}

export function parseMessage(raw: Buffer): ParsedMessage {
  const entity = parseEntity(raw);
  const bodies: { text?: string; html?: string } = {};
  collectBodies(entity, bodies, true);
  const headers: Record<string, string> = {};
  for (const [name, value] of entity.headers) headers[name] = decodeEncodedWords(value);
  return {
    headers,
    subject: headers['subject'] ?? '',
    messageId: headers['message-id'] ?? '',
    text: bodies.text ?? '',
    ...(bodies.html !== undefined ? { html: bodies.html } : {}),
  };
}

function parseEntity(raw: Buffer): Entity {
  // Work on a latin1 view: one character per byte, so indices are byte offsets.
  const view = raw.toString('latin1');
  const end = /^\r?\n|\r?\n\r?\n/.exec(view);
  const headerEnd = end ? end.index : view.length;
  const bodyStart = end ? end.index + end[0].length : view.length;
  // Header values may be raw UTF-8 (RFC 6532); ASCII reads the same either way.
  return { headers: parseHeaders(raw.subarray(0, headerEnd).toString('utf8')), body: raw.subarray(bodyStart) };
}

export function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return headers;
}

/** "text/plain; charset=utf-8" → { type: 'text/plain', params: { charset: 'utf-8' } } */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: 'text/plain', params: {} };
  const semicolon = value.indexOf(';');
  const type = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const param = /;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (const match of value.matchAll(param)) {
    params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
  }
  return { type: type || 'text/plain', params };
}

function collectBodies(entity: Entity, found: { text?: string; html?: string }, topLevel: boolean): void {
  const { type, params } = parseContentType(entity.headers.get('content-type'));
  if (type.startsWith('multipart/') && params['boundary']) {
    for (const part of splitMultipart(entity.body, params['boundary'])) collectBodies(parseEntity(part), found, false);
    return;
  }
  if (/^\s*attachment/i.test(entity.headers.get('content-disposition') ?? '')) return;
  // A single-part message ends with a line break the sender added; in a multipart the
  // delimiter takes it. Dropping it here gives both the same text.
  const body = topLevel ? stripFinalLineBreak(entity.body) : entity.body;
  if (type === 'text/plain' && found.text === undefined) found.text = decodeBody(entity.headers, body, params['charset']);
  if (type === 'text/html' && found.html === undefined) found.html = decodeBody(entity.headers, body, params['charset']);
}

function stripFinalLineBreak(body: Buffer): Buffer {
  const cut = body.subarray(-2).toString('latin1') === '\r\n' ? 2 : body.subarray(-1).toString('latin1') === '\n' ? 1 : 0;
  return body.subarray(0, body.length - cut);
}

/** The parts between the delimiters; the line break before a delimiter belongs to the delimiter. */
export function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const view = body.toString('latin1');
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: Buffer[] = [];
  let partStart: number | undefined;
  for (const match of view.matchAll(delimiter)) {
    const index = match.index ?? 0;
    if (partStart !== undefined) parts.push(body.subarray(partStart, index));
    if (match[1] === '--') break;
    partStart = index + match[0].length;
  }
  return parts;
}

function decodeBody(headers: Map<string, string>, body: Buffer, charset: string | undefined): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const view = body.toString('latin1');
  const bytes =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(view)
      : encoding === 'base64'
        ? Buffer.from(view.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
        : body;
  return decodeCharset(bytes, charset).replace(/\r\n/g, '\n');
}

/** Takes a latin1 view (one character per byte) and gives the bytes it encodes. */
export function decodeQuotedPrintable(view: string): Buffer {
  const joined = view.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;

/**
 * Decodes RFC 2047 encoded-words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). Whitespace between two
 * encoded-words is dropped, and adjacent words of one charset are decoded together, because an
 * encoder may split one multi-byte character across two words.
 */
export function decodeEncodedWords(value: string): string {
  let out = '';
  let last = 0;
  let pending: { charset: string; chunks: Buffer[] } | undefined;
  const flush = (): void => {
    if (pending) out += decodeCharset(Buffer.concat(pending.chunks), pending.charset);
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const index = match.index ?? 0;
    const gap = value.slice(last, index);
    const charset = match[1].toLowerCase();
    const bytes =
      match[2].toUpperCase() === 'B'
        ? Buffer.from(match[3], 'base64')
        : decodeQuotedPrintable(Buffer.from(match[3].replace(/_/g, ' '), 'utf8').toString('latin1'));
    if (pending && /^\s*$/.test(gap)) {
      if (pending.charset !== charset) {
        flush();
        pending = { charset, chunks: [] };
      }
    } else {
      flush();
      out += gap;
      pending = { charset, chunks: [] };
    }
    pending.chunks.push(bytes);
    last = index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}
