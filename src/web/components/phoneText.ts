/**
 * A stored number ("+62…") as people read it: "021 739 8381", "0541 736 452", "0812 5555 0101". The
 * area codes of two digits (Jakarta 21, Bandung 22, Semarang 24, Surabaya 31, Medan 61) and mobiles
 * (8xx) are told apart; every other area code has three digits.
 */
export function phoneText(e164: string): string {
  const n = e164.replace(/^\+62/, '');
  if (!/^\d+$/.test(n)) return e164;
  const head = n.startsWith('8') ? 3 : /^(21|22|24|31|61)/.test(n) ? 2 : 3;
  const rest = n.slice(head);
  const split = rest.length > 8 ? 4 : rest.length > 6 ? rest.length - 4 : Math.ceil(rest.length / 2);
  return `0${n.slice(0, head)} ${rest.slice(0, split)} ${rest.slice(split)}`.trim();
}
