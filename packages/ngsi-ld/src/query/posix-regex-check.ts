// Letters PostgreSQL's regular expressions (POSIX ARE) accept after '\': character entries
// (\a \b \B \c \e \f \n \r \t \u \U \v \x), classes (\d \D \s \S \w \W) and constraints
// (\A \m \M \y \Y \Z). JavaScript reads any other letter as itself; ARE refuses it.
const ARE_ESCAPE_LETTERS = new Set('abBcdDefmMnrsStuUvwWxyYZA');
// ARE's limit on {m,n} (RE_DUP_MAX).
const MAX_REPETITION = 255;
const REPETITION = /^\{(\d+)(?:,(\d*))?\}/;

/**
 * The first construct of a JavaScript-valid regular expression that POSIX regular expressions
 * (§4.9 asks for IEEE 1003.2) and PostgreSQL's engine refuse, described for a message; undefined
 * when there is none. Catching these here answers 400 instead of failing in the database.
 * @example findNonPosixConstruct('(?<year>\\d{4})') // "named groups '(?<name>…)'"
 */
export function findNonPosixConstruct(pattern: string): string | undefined {
  let groups = 0;
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    const next = pattern.charAt(index + 1);
    if (char === '\\') {
      if (/[A-Za-z]/.test(next) && !ARE_ESCAPE_LETTERS.has(next)) return `the escape '\\${next}'`;
      if (inClass && /[1-9]/.test(next)) return `the escape '\\${next}' inside brackets`;
      if (/[1-9]/.test(next) && Number(next) > groups) {
        return `a back-reference '\\${next}' to a group not opened before it`;
      }
      index += 1;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      // A ']' right after '[' or '[^' is a member of the class, not its end.
      const skip = next === '^' ? 2 : 1;
      if (pattern.charAt(index + skip) === ']') index += skip;
    } else if (char === '(') {
      if (next !== '?') groups += 1;
      else if (pattern.startsWith('(?<', index) && !/[=!]/.test(pattern.charAt(index + 3))) {
        return "named groups '(?<name>…)'";
      }
    } else if (char === '{') {
      const counts = REPETITION.exec(pattern.slice(index));
      if (counts && counts.slice(1).some((count) => Number(count ?? 0) > MAX_REPETITION)) {
        return `a repetition count above ${MAX_REPETITION}`;
      }
    }
  }
  return undefined;
}
