/**
 * The pair gold counts offsets in Unicode code points (Python strings); JavaScript strings index UTF-16 units.
 * They differ only after a character outside the Basic Multilingual Plane.
 */
export function codePointOffsetToIndex(text: string, codePointOffset: number): number {
  let index = 0;
  for (let seen = 0; seen < codePointOffset && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
