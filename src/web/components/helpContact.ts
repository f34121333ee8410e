import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';

/*
 * The help contact in the footer (issue 11): a page about one competition names it with
 * `useHelpContact(competition)`, and the footer (Layout, components/HelpFooter.tsx) shows that
 * competition's organizer and its contact (settings.helpdesk: phone, e-mail, WhatsApp, hours) instead of
 * the generic hours. A page without a competition, or a competition without a contact, keeps the generic
 * text. The entry and the lazy pages share this file, so the bundler puts it in a shared chunk of every first
 * load: it holds only the state (React, nothing else), the footer's rendering stays in the entry
 * (HelpFooter.tsx; importing that from the pages split Mantine parts out of the entry: +2.4 KB brotli).
 */

/** What the footer shows: the organizer's name and the contact parts (each null when not set). */
export interface HelpContact {
  organizer: string;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  hours: string | null;
}

/** The shape of the competition answers (summary: `helpdesk`; detail: `settings.helpdesk`). */
interface CompetitionLike {
  organizer: { name: string };
  helpdesk?: Omit<HelpContact, 'organizer'>;
  settings?: { helpdesk?: Omit<HelpContact, 'organizer'> };
}

export const HelpContactValue = createContext<HelpContact | null>(null);
const SetContext = createContext<(c: HelpContact | null) => void>(() => undefined);

export function HelpContactProvider({ children }: { children: ReactNode }) {
  const [contact, setContact] = useState<HelpContact | null>(null);
  // createElement, not JSX: this file stays a .ts module without the JSX runtime import.
  return createElement(
    SetContext.Provider,
    { value: setContact },
    createElement(HelpContactValue.Provider, { value: contact }, children),
  );
}

/** The contact a competition answer carries, or null when it has none. */
export function contactOf(c: CompetitionLike | null | undefined): HelpContact | null {
  const h = c?.helpdesk ?? c?.settings?.helpdesk;
  if (!c || !h || !(h.phone || h.email || h.whatsapp || h.hours)) return null;
  return {
    organizer: c.organizer.name,
    phone: h.phone,
    email: h.email,
    whatsapp: h.whatsapp,
    hours: h.hours,
  };
}

/** A page about one competition shows its organizer's contact in the footer while it is on screen. */
export function useHelpContact(competition: CompetitionLike | null | undefined): void {
  const set = useContext(SetContext);
  const contact = contactOf(competition);
  const key = contact ? JSON.stringify(contact) : '';
  useEffect(() => {
    set(key ? (JSON.parse(key) as HelpContact) : null);
    return () => set(null);
  }, [key, set]);
}
