import { Link, useParams, useSearchParams } from 'react-router';
import { Anchor, Select, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { useLang } from '../../../i18n/index.js';

/*
 * What the secretariat's pages of one scored stage share (the assignment, the results): the competition's
 * scored stages, the one chosen (`?tahap=`, else the first), the page head and the stage picker.
 */

interface StageOption {
  id: number;
  kind: string;
  nameId: string;
  nameEn: string;
}

/** The competition from the route, its scored stages, and the chosen stage (`?tahap=`, else the first). */
export function useReviewStage() {
  const competitionId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const stages = useQuery({
    queryKey: ['assignment-stages', competitionId],
    queryFn: () => api<{ items: StageOption[] }>('GET', `/competitions/${competitionId}/assignment-stages`),
  });
  const stageId = Number(params.get('tahap')) || stages.data?.items[0]?.id || 0;
  const chooseStage = (id: string | null) => setParams(id ? { tahap: id } : {});
  return { competitionId, stages, stageId, chooseStage };
}

/** Back link, title, the competition's name and the page's introduction. */
export function ReviewPageHead({
  competitionId,
  title,
  competitionName,
  intro,
}: {
  competitionId: number;
  title: string;
  competitionName: string | undefined;
  intro: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Anchor component={Link} to={`/sekretariat/kompetisi/${competitionId}`} size="sm">
        ← {t('assignments.back')}
      </Anchor>
      <Title order={1} mt={4}>
        {title}
      </Title>
      {competitionName && (
        <Text fw={600} c="dark.7">
          {competitionName}
        </Text>
      )}
      <Text c="dark.6" size="sm" maw={760}>
        {intro}
      </Text>
    </div>
  );
}

/** The stage picker; choosing another stage calls `onChange` with its id. */
export function StagePicker({
  stages,
  value,
  onChange,
}: {
  stages: readonly StageOption[];
  value: number;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Select
      label={t('assignments.stage')}
      data={stages.map((x) => ({ value: String(x.id), label: lang === 'id' ? x.nameId : x.nameEn }))}
      value={String(value)}
      onChange={onChange}
      allowDeselect={false}
      w={{ base: '100%', sm: 300 }}
    />
  );
}
