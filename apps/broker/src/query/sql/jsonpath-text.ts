/**
 * Pieces of PostgreSQL jsonpath text. User values never reach jsonpath text except as string
 * literals built here (member names, regular expressions); the jsonpath itself is then bound as
 * an SQL parameter, so neither SQL nor jsonpath can be injected.
 */

/**
 * A jsonpath string literal: `"` and `\` escaped, control characters as `\uXXXX`.
 * @example jsonpathString('say "hi"') // '"say \\"hi\\""'
 */
export function jsonpathString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f\u007f]/g, (char) =>
    char === '"' || char === '\\'
      ? `\\${char}`
      : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/**
 * A member accessor for any key, however odd: `."key"`.
 * @example jsonpathKey('https://example.org/ns#temperature') // '."https://example.org/ns#temperature"'
 */
export function jsonpathKey(key: string): string {
  return `.${jsonpathString(key)}`;
}

/**
 * Adapt a regular expression written for JavaScript (as parseQ checks them) to PostgreSQL's
 * engine behind jsonpath `like_regex` (POSIX ARE): outside bracket expressions, the word
 * boundaries `\b` and `\B` become ARE's `\y` and `\Y` (in ARE, `\b` is a backspace).
 * As in JavaScript without flags, `.` does not match a newline and `^`/`$` anchor the whole text.
 * Known remaining difference: `\A`, `\Z`, `\m`, `\M`, `\y`, `\Y` are anchors in ARE where
 * JavaScript reads them as plain letters.
 * @example postgresRegex('\\bcat\\b') // '\\ycat\\y'
 */
export function postgresRegex(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '\\') {
      const next = pattern.charAt(index + 1);
      out +=
        !inClass && (next === 'b' || next === 'B') ? (next === 'b' ? '\\y' : '\\Y') : `\\${next}`;
      index += 1;
    } else {
      if (inClass && char === ']') inClass = false;
      else if (!inClass && char === '[') {
        inClass = true;
        // A ']' right after '[' or '[^' is a member of the class, not its end.
        const skip = pattern.charAt(index + 1) === '^' ? 2 : 1;
        if (pattern.charAt(index + skip) === ']') {
          out += pattern.slice(index, index + skip + 1);
          index += skip;
          continue;
        }
      }
      out += char;
    }
  }
  return out;
}
