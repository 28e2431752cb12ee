/**
 * An organisation hint must agree with the text: the same name, or one of the two a suffix of the other
 * (`区民政局` for `深圳市龙华区民政局`, `中华人民共和国国务院` for `国务院`). A contradiction is reported, never resolved
 * silently in either direction.
 */
export type HintCheck = { ok: true } | { ok: false; message: string };

const fold = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '');

export function checkOrganisationHint(found: { name: string; evidence: string }, hint: string | null): HintCheck {
  if (hint === null) return { ok: true };
  const given = fold(hint);
  const named = fold(found.name);
  if (given.length > 0 && (named.endsWith(given) || given.endsWith(named))) return { ok: true };
  return {
    ok: false,
    message: `the organisation hint '${hint}' contradicts the document, which names '${found.name}' (${JSON.stringify(found.evidence)})`,
  };
}
