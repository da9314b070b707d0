// Free text that PostgreSQL can store and people can read. PostgreSQL refuses U+0000 in text and
// jsonb, and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all: both used to end in a 500.
// Other control characters are refused too (they are invisible and break CSV and PDF output);
// tab and line breaks stay allowed. Pure: shared by the answer schema, review comments and forms.

export const FORBIDDEN_CHARACTERS_MESSAGE = "使用できない文字（制御文字など）が含まれています。";

// C0 controls except \t \n \r, DEL, C1 controls, and surrogates not part of a pair.
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}
