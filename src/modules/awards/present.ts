import type { Award } from '../../contracts/awards.js';
import type { AwardWithInstitution } from './queries.js';

export function presentAward(a: AwardWithInstitution): Award {
  return {
    id: a.id,
    year: a.year,
    level: a.level,
    innovationTitle: a.innovation_title,
    institutionName: a.institution_name || null,
    institutionId: a.institution_id,
    institutionDirectoryName: a.directory_name,
    sourceUrl: a.source_url,
    notes: a.notes,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}
