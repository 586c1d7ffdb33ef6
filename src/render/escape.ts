// Escaping for HTML text and attribute values.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

/**
 * Escapes a string for HTML text or a quoted attribute value: `& < > " '` become character references, and so
 * does a carriage return (the HTML parser would otherwise turn `\r\n` into `\n`, and the text shown would no longer
 * match the offsets).
 *
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror="alert(1)">'); // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}
