import { getProvinces, getRegencies } from 'idn-area-data';
import { provincePlaceName, regencyInstitution } from '../../domain/institutions.js';

/*
 * The names of provinces and regencies/cities by official code, as people write them ("Banten",
 * "Kabupaten Tangerang"), read once from the area data the reference seed uses.
 */

let places: Promise<{ provinces: Map<string, string>; regencies: Map<string, string> }> | null = null;

export function placeNames() {
  places ??= Promise.all([getProvinces(), getRegencies({ transform: true })])
    .then(([provinces, regencies]) => ({
      provinces: new Map(provinces.map((p) => [p.code, provincePlaceName(p)])),
      regencies: new Map(
        regencies.flatMap((r) => {
          try {
            return [[r.code, regencyInstitution(r).name.replace(/^Pemerintah\s+/, '')] as const];
          } catch {
            return [];
          }
        }),
      ),
    }))
    .catch((err: unknown) => {
      places = null;
      throw err;
    });
  return places;
}
