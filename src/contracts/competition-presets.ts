/** The KIPP template presets, one per competition year a source records (domain/competition-presets). */
export const TEMPLATE_PRESET_IDS = ['kipp-2021', 'kipp-2022', 'kipp-2023', 'kipp-2025'] as const;
export type TemplatePresetId = (typeof TEMPLATE_PRESET_IDS)[number];
