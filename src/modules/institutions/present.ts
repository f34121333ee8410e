import type { Institution, Unit } from '../../contracts/institutions.js';
import type { InstitutionWithParent, UnitWithCount } from './queries.js';

export function presentInstitution(row: InstitutionWithParent): Institution {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    shortName: row.short_name,
    regionCode: row.region_code,
    parentId: row.parent_id,
    parentName: row.parent_name,
  };
}

export function presentUnit(row: UnitWithCount): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentUnitId: row.parent_unit_id,
    userCount: row.user_count,
  };
}
