import { t, type Text } from '../errors.js';
import type { Cand, Prepared } from './prepare.js';
import type { FinalistExplanation, FinalistReason, Quota } from './types.js';

/*
 * Each proposal's explanation: its score, its rank in its group without quotas, selected or not, and which
 * quota put it in or kept it out, judged against the plain top N:
 *  - selected below the cut: the minimums it counts for that the plain list misses ("minimum 3T"), else a
 *    place freed by a maximum the plain list exceeds;
 *  - not selected above the cut: the maximums it counts for that the plain list exceeds ("maximum for
 *    kategori Kesehatan reached"), else the minimums (of its group's scope) the plain list misses, which took
 *    its place; else the quotas together.
 */

const num = (points: number, lang: 'id' | 'en') => {
  const s = (points / 100).toFixed(2);
  return lang === 'id' ? s.replace('.', ',') : s;
};

export function explainAll(
  p: Prepared,
  quotas: readonly Quota[],
  selected: ReadonlySet<number>,
  passMark: number | null,
): FinalistExplanation[] {
  const plainCount = quotas.map(
    (_, qi) => p.members[qi]!.filter((o) => p.plainTop.has(p.cands[o]!.id)).length,
  );
  const short = quotas.map((q, qi) => (q.min ?? 0) > plainCount[qi]!);
  const over = quotas.map((q, qi) => q.max !== null && q.max !== undefined && plainCount[qi]! > q.max);
  const inScope = (q: Quota, c: Cand) => !q.group || q.group === c.group;
  const names = (qis: number[], lang: 'id' | 'en') => qis.map((qi) => p.labels[qi]![lang]).join(', ');
  const limits = (qis: number[], kind: 'min' | 'max', lang: 'id' | 'en') =>
    qis
      .map((qi) =>
        kind === 'min'
          ? `${p.labels[qi]![lang]} (${lang === 'id' ? 'minimal' : 'at least'} ${quotas[qi]!.min})`
          : `${p.labels[qi]![lang]} (${lang === 'id' ? 'paling banyak' : 'at most'} ${quotas[qi]!.max})`,
      )
      .join(', ');

  return p.cands.map((c): FinalistExplanation => {
    const n = p.places(c.group);
    const isSelected = selected.has(c.id);
    const inPlain = p.plainTop.has(c.id);
    const group = p.groupLabel(c.group);
    const where = t(
      `Peringkat ${c.rankInGroup} di kelompok ${group.id} (nilai ${num(c.points, 'id')})`,
      `Rank ${c.rankInGroup} in group ${group.en} (score ${num(c.points, 'en')})`,
    );
    let reason: FinalistReason;
    let qs: number[] = [];
    let text: Text;
    if (!c.eligible) {
      reason = 'below_pass_mark';
      text = t(
        `${where.id}: di bawah nilai batas lulus ${num(Math.round((passMark ?? 0) * 100), 'id')}.`,
        `${where.en}: below the pass mark of ${num(Math.round((passMark ?? 0) * 100), 'en')}.`,
      );
    } else if (n === 0) {
      reason = 'no_places';
      text = t(
        `${where.id}: kelompok ini tidak memiliki tempat finalis.`,
        `${where.en}: this group has no finalist places.`,
      );
    } else if (isSelected && inPlain) {
      reason = 'rank';
      text = t(`${where.id}: masuk ${n} besar.`, `${where.en}: within the top ${n}.`);
    } else if (isSelected) {
      qs = c.quotas.filter((qi) => short[qi]);
      if (qs.length) {
        reason = 'quota_min';
        text = t(
          `${where.id}: di bawah batas ${n} besar, masuk karena kuota minimum ${limits(qs, 'min', 'id')}.`,
          `${where.en}: below the top-${n} cut, selected by the minimum for ${limits(qs, 'min', 'en')}.`,
        );
      } else if (
        (qs = quotas.map((_, qi) => qi).filter((qi) => over[qi] && inScope(quotas[qi]!, c))).length
      ) {
        reason = 'freed_place';
        text = t(
          `${where.id}: di bawah batas ${n} besar, masuk pada tempat yang dilepas oleh kuota maksimum ${names(qs, 'id')}.`,
          `${where.en}: below the top-${n} cut, selected into a place freed by the maximum for ${names(qs, 'en')}.`,
        );
      } else {
        qs = quotas.map((_, qi) => qi).filter((qi) => (short[qi] || over[qi]) && inScope(quotas[qi]!, c));
        reason = 'rebalanced';
        text = t(
          `${where.id}: di bawah batas ${n} besar, masuk karena gabungan kuota ${names(qs, 'id')}.`,
          `${where.en}: below the top-${n} cut, selected because of the quotas together: ${names(qs, 'en')}.`,
        );
      }
    } else if (inPlain) {
      qs = c.quotas.filter((qi) => over[qi]);
      if (qs.length) {
        reason = 'quota_max';
        text = t(
          `${where.id}: di atas batas ${n} besar, tidak masuk karena kuota maksimum ${limits(qs, 'max', 'id')} sudah terpenuhi.`,
          `${where.en}: above the top-${n} cut, not selected: the maximum for ${limits(qs, 'max', 'en')} was reached.`,
        );
      } else {
        qs = quotas.map((_, qi) => qi).filter((qi) => short[qi] && inScope(quotas[qi]!, c));
        reason = qs.length ? 'displaced' : 'rebalanced';
        if (!qs.length)
          qs = quotas.map((_, qi) => qi).filter((qi) => (short[qi] || over[qi]) && inScope(quotas[qi]!, c));
        text =
          qs.length && reason === 'displaced'
            ? t(
                `${where.id}: di atas batas ${n} besar, tempatnya diambil untuk memenuhi kuota minimum ${limits(qs, 'min', 'id')}.`,
                `${where.en}: above the top-${n} cut, its place went to meet the minimum for ${limits(qs, 'min', 'en')}.`,
              )
            : t(
                `${where.id}: di atas batas ${n} besar, tidak masuk karena gabungan kuota ${names(qs, 'id')}.`,
                `${where.en}: above the top-${n} cut, not selected because of the quotas together: ${names(qs, 'en')}.`,
              );
      }
    } else {
      reason = 'below_cut';
      text = t(`${where.id}: di bawah batas ${n} besar.`, `${where.en}: below the top-${n} cut.`);
    }
    return {
      id: c.id,
      groupKey: c.group,
      score: c.points / 100,
      rankInGroup: c.rankInGroup,
      passesMark: c.eligible,
      inPlainTop: inPlain,
      selected: isSelected,
      reason,
      quotas: qs.map((qi) => quotas[qi]!.key),
      text,
    };
  });
}
