import { Endpoint, mayCall } from '@accessdesk/access';
import type { StaffRole } from '@accessdesk/contracts';

/**
 * What the console offers, one entry per page a role may open from the menu and the home page. An
 * entry is shown to whoever may call its `endpoint` (libs/access/src/endpoint-roles.ts), so the menu
 * follows the API's own role table; the page's controller checks the same endpoint (`@MayCall`).
 * A new page adds its entry here.
 */
export interface NavItem {
  href: string;
  label: string;
  /** One line on the home page. */
  description: string;
  endpoint: Endpoint;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: '/arenden/ny-lasning',
    label: 'Begär låsning',
    description: 'Begär att en invånares inloggning till 1177 e-tjänster låses, enligt blanketten.',
    endpoint: 'POST /cases',
  },
  {
    href: '/kontaktcenter',
    label: 'Kontaktcenter',
    description: 'Kontaktcentrets kö och blockeringar av vårdnadshavare: uppföljningsuppgifter, journalanteckning och hävning (rutin 002).',
    endpoint: 'PATCH /guardian-blocks/{id}/tasks/{taskId}',
  },
  {
    href: '/vardnadshavare/ny-blockering',
    label: 'Blockera vårdnadshavare',
    description: 'Registrera verksamhetschefens beslut att blockera vårdnadshavares tillgång till barnets journal och e-tjänster (R18).',
    endpoint: 'POST /guardian-blocks',
  },
  {
    href: '/granskning',
    label: 'Granska loggen',
    description: 'Sök i loggen på invånare, ärende, medarbetare eller tidsperiod, och ta ut ett loggutdrag (CSV).',
    endpoint: 'GET /audit',
  },
  {
    href: '/granskning/kedjan',
    label: 'Kontrollera loggkedjan',
    description: 'Kontrollera att ingen loggpost har ändrats, tagits bort eller lagts till i efterhand.',
    endpoint: 'GET /audit/verify',
  },
  {
    href: '/drift/doda-meddelanden',
    label: 'Döda meddelanden',
    description: 'Meddelanden som tjänsterna inte kunde hantera: se varför, skicka tillbaka eller ta bort.',
    endpoint: 'GET /dead-letters',
  },
];

export function navFor(roles: readonly StaffRole[]): NavItem[] {
  return NAV_ITEMS.filter((item) => mayCall(item.endpoint, roles));
}
