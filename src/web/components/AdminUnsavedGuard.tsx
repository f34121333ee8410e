import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ADMIN_SCOPE } from './AdminPage.js';

/**
 * Warns before unsaved changes are lost: the browser's own prompt on reload or closing the tab, and a
 * dialog when a link inside the app is followed (the app uses a declarative router, so links are caught
 * at the document).
 */
export function AdminUnsavedGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setTarget(url.pathname + url.search + url.hash);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [when]);

  return (
    <Modal
      opened={target !== null}
      onClose={() => setTarget(null)}
      title={t('secretariat.unsaved.title')}
      className={ADMIN_SCOPE}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm">{t('secretariat.unsaved.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setTarget(null)} data-autofocus>
          {t('secretariat.unsaved.stay')}
        </Button>
        <Button
          color="red.9"
          onClick={() => {
            const to = target;
            setTarget(null);
            if (to) navigate(to);
          }}
        >
          {t('secretariat.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
